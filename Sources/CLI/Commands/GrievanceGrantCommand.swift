import Foundation
import Domain

struct GrievanceGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "grant",
        abstract: "Cấp cho một người dùng quyền xem danh tính người tố cáo của một đơn, kèm lý do (quản trị). (Grant a user the sight of one grievance's protected identity, with a reason; admins only.)",
        arguments: [
            .positional("code", help: "mã đơn (the tracking code)"),
            .option("to", value: "LOGIN", help: "người được cấp quyền (the user granted)", required: true),
            .option("reason", value: "TEXT", help: "lý do, ghi vào nhật ký kiểm tra (why; kept in the audit log)", required: true),
            .database,
        ],
        examples: ["danvan grievance grant K7M3Q-9TXR2 --to tam.nguyen --reason \"Cán bộ thụ lý, cần liên hệ người tố cáo\""])

    let code: TrackingCode
    let login: String
    let reason: String
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        code = try CommandContext.trackingCode(try arguments.positional(0) ?? "", field: "code")
        login = try arguments.required("to")
        reason = try arguments.required("reason").precomposedStringWithCanonicalMapping
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, as: asLogin)
        try casework.grantIdentity(code, to: login, reason: reason, as: principal, at: Date())
        try JSONLines.print(["tracking_code": .string(code.value), "login": .string(login), "granted": .bool(true)]
            as [String: JSONScalar])
    }
}
