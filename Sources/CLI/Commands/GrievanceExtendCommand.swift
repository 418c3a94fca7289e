import Presentation
import Foundation
import Domain
import Casework
import Routing
import Storage

struct GrievanceExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "extend",
        abstract: "Gia hạn giải quyết đơn, trong giới hạn chính sách thời hạn cho phép. (Extend a grievance's resolution deadline, within what its rule's deadline policy allows.)",
        discussion: """
            The policy (routing-rules/rules/deadlines.rules) says how long one extension may be and how \
            many there may be (e.g. tố cáo: 30 days, twice at most, Luật Tố cáo 2018 art. 30). The days \
            count the way the policy counts them, from the current deadline.
            """,
        arguments: [
            .positional("code", help: "mã đơn (the tracking code)"),
            .option("days", value: "N", help: "số ngày gia hạn (how many days to add)", required: true),
            .option("reason", value: "TEXT", help: "lý do, ví dụ vụ việc phức tạp (why: a complex case)", required: true),
            .rulesDirectory, .database,
        ],
        examples: ["danvan grievance extend K7M3Q-9TXR2 --days 30 --reason \"Vụ việc phức tạp, cần xác minh thêm\""])

    let code: TrackingCode
    let days: Int
    let reason: String
    let rulesDirectory: String
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        code = try CommandContext.trackingCode(try arguments.positional(0) ?? "", field: "code")
        days = try arguments.integer("days", range: 1...365)!
        reason = try arguments.required("reason")
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, book: book, as: asLogin)
        let grievance = try casework.extend(code, days: days, reason: reason, as: principal, at: Date())
        StandardStreams.printLine(GrievanceJSON(grievance: grievance, events: nil).text)
    }
}
