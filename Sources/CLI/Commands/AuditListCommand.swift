import Foundation
import Domain

struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "list",
        abstract: "In nhật ký kiểm tra, mới nhất trước. (Print the audit log, newest first.)",
        discussion: """
            One JSON line per entry: {"at", "login", "action", "tracking_code", "subject", "detail"}. Actions: view, \
            list, reveal-identity, grant-identity, user-add, user-disable, user-passwd.
            """,
        arguments: [
            .option("login", value: "LOGIN", help: "chỉ của người dùng này (only this user's)"),
            .option("code", value: "CODE", help: "chỉ về đơn này (only about this grievance)"),
            .option("limit", value: "N", help: "tối đa bấy nhiêu dòng (at most this many)", default: "1000"),
            .database,
        ])

    let login: String?
    let code: TrackingCode?
    let limit: Int
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        login = try arguments.string("login")
        code = try arguments.string("code").map { text throws(FieldError) in try CommandContext.trackingCode(text, field: "code") }
        limit = try arguments.integer("limit", range: 1...10_000_000) ?? 1000
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, as: asLogin)
        for entry in try casework.audit(login: login, trackingCode: code, limit: limit, as: principal) {
            try JSONLines.print([
                "at": .string(Timestamp.format(entry.at)), "login": .string(entry.login), "action": .string(entry.action),
                "tracking_code": entry.trackingCode.map(JSONScalar.string) ?? .null,
                "subject": entry.subject.map(JSONScalar.string) ?? .null, "detail": entry.detail.map(JSONScalar.string) ?? .null,
            ] as [String: JSONScalar])
        }
    }
}
