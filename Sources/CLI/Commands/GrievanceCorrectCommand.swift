import Foundation
import Domain
import Storage

struct GrievanceCorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "correct",
        abstract: "Sửa chủ đề hoặc loại đơn; bản sửa được giữ để huấn luyện lại mô hình. (Correct a grievance's topic or kind; the correction is kept for 'danvan model train'.)",
        arguments: [
            .positional("code", help: "the tracking code"),
            .option("topic", value: "TOPIC", help: "the right topic code (routing-rules/topics.txt)"),
            .option("kind", value: "KIND", help: Kind.allCodes),
            .rulesDirectory, .database,
        ],
        examples: ["danvan grievance correct K7M3Q-9TXR2 --topic dat-dai --kind khieu-nai"])

    let code: TrackingCode
    let topic: String?
    let kind: Kind?
    let rulesDirectory: String
    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        code = try CommandContext.trackingCode(try arguments.positional(0) ?? "", field: "code")
        topic = try arguments.string("topic")
        kind = try arguments.value("kind", accepted: Kind.allCodes, Kind.init(code:))
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
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
        let store = CorrectionStore(database: try Database(path: databasePath))
        let grievance = try store.correct(code, topic: topic, kind: kind, at: Date(), actor: CommandContext.actor)
        try JSONLines.print(GrievanceJSON(grievance: grievance, events: nil))
    }
}
