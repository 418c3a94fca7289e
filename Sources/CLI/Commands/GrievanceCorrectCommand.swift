import Presentation
import Foundation
import Domain
import Casework
import Intake
import Routing
import Storage

struct GrievanceCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "correct",
        abstract: "Sửa chủ đề hoặc loại đơn; bản sửa được giữ để huấn luyện lại mô hình. (Correct a grievance's topic or kind; the correction is kept for 'danvan model train'.)",
        discussion: """
            Đơn đang chờ phân loại hoặc đã giao nhưng chưa thụ lý được chuyển lại theo quy tắc (một tố cáo \
            phát hiện trong phản ánh rời khỏi đơn vị mà đơn có thể nêu tên); --no-route giữ nguyên đơn vị. \
            (A grievance in triage or assigned but not yet accepted is routed again by the rules; --no-route \
            keeps it where it is.)
            """,
        arguments: [
            .positional("code", help: "mã đơn (the tracking code)"),
            .option("topic", value: "TOPIC", help: "mã chủ đề đúng, theo routing-rules/topics.txt (the right topic code)"),
            .option("kind", value: "KIND", help: Kind.allCodes),
            .flag("no-route", help: "giữ đơn ở đơn vị hiện tại, không chuyển lại theo quy tắc (keep the grievance with its unit)"),
            .rulesDirectory, .database,
        ],
        examples: ["danvan grievance correct K7M3Q-9TXR2 --topic dat-dai --kind khieu-nai"])

    let code: TrackingCode
    let topic: String?
    let kind: Kind?
    let noRoute: Bool
    let rulesDirectory: String
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        code = try CommandContext.trackingCode(try arguments.positional(0) ?? "", field: "code")
        topic = try arguments.string("topic")
        kind = try arguments.value("kind", accepted: Kind.allCodes, Kind.init(code:))
        noRoute = arguments.flag("no-route")
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func validate() throws {
        guard topic != nil || kind != nil else { throw FieldError(field: "topic", message: "cần --topic, --kind hoặc cả hai") }
        if let topic {
            let known = try ModelTraining.taxonomy(rulesDirectory: rulesDirectory).map(\.id)
            guard known.contains(topic) else {
                throw FieldError(field: "topic", message: "không có chủ đề '\(topic)'; các chủ đề: \(known.joined(separator: ", "))")
            }
        }
    }

    func run() throws {
        // The topic is given or already stored, so no classifier is needed to route again.
        let book = noRoute ? nil : try RuleBookLoader.load(directory: rulesDirectory)
        let routing = try book.map { try GrievanceRouting(book: $0, classifier: nil, office: nil) }
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, book: book, as: asLogin)
        let grievance = try casework.correct(code, topic: topic, kind: kind,
                                             reroute: routing.map { routing in { try routing.rerouteAfterCorrection($0) } },
                                             as: principal, at: Date())
        StandardStreams.printLine(GrievanceJSON(grievance: grievance, events: nil).text)
    }
}
