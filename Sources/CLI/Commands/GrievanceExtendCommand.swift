import Foundation
import Domain
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

    init(_ arguments: ParsedArguments) throws {
        code = try CommandContext.trackingCode(try arguments.positional(0) ?? "", field: "code")
        days = try arguments.integer("days", range: 1...365)!
        reason = try arguments.required("reason")
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
    }

    func run() throws {
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        let store = try CommandContext(databasePath: databasePath).store
        let now = Date()
        let (grievance, _) = try store.mutate(code, at: now) { current, events in
            guard let due = current.deadlines.resolve else {
                throw FieldError(field: "code", message: "đơn \(code) chưa có hạn giải quyết để gia hạn")
            }
            // The policy whose resolution limit runs, also for a grievance routed to triage or transferred.
            guard let policy = RuleBookClock(book: book).resolutionPolicy(for: current), let limit = policy.extend else {
                throw FieldError(field: "days", message: "chính sách thời hạn của đơn \(code) không cho phép gia hạn")
            }
            let used = events.filter { $0.type == .extended }.count
            guard used < policy.extensions else {
                throw FieldError(field: "days", message: "đơn \(code) đã gia hạn \(used)/\(policy.extensions) lần, đủ số lần "
                                 + "chính sách thời hạn '\(policy.id)' cho phép (\(policy.source))")
            }
            guard days <= limit.days else {
                throw FieldError(field: "days", message: "mỗi lần gia hạn tối đa \(limit) theo chính sách thời hạn '\(policy.id)' (\(policy.source))")
            }
            let newDue = book.calendar.due(from: due, days: days, working: limit.working)
            return try current.extended(to: newDue, days: days, reason: reason, at: now, actor: CommandContext.actor,
                                        sequence: (events.last?.sequence ?? 0) + 1)
        }
        try JSONLines.print(GrievanceJSON(grievance: grievance, events: nil))
    }
}
