import Presentation
import Foundation
import Domain
import Casework
import Storage

struct GrievanceShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "In một đơn cùng lịch sử xử lý dưới dạng JSON. (Print one grievance with its event history as JSON.)",
        discussion: """
            Một đơn người dùng không được xem được trả lời như mã không có. Mỗi lần xem được ghi vào nhật ký \
            kiểm tra. (A grievance the user may not see is answered as an unknown code; every view is written \
            to the audit log.)
            """,
        arguments: [.positional("code", help: "mã đơn, ví dụ K7M3Q-9TXR2, không phân biệt hoa thường và dấu gạch (the tracking code)"),
                    .flag("reveal-identity", help: "hiện danh tính người tố cáo được bảo mật (Luật Tố cáo 2018, Điều 47): chỉ quản trị hoặc người được cấp quyền cho đơn này; việc xem được ghi vào lịch sử đơn và nhật ký (admins, or a user granted it for this grievance: show a confidential submitter's identity, recorded as an event and in the audit log)"),
                    .option("reason", value: "TEXT", help: "lý do xem danh tính, ghi cùng sự kiện (why the identity is needed; kept with the event)"),
                    .rulesDirectory, .database])

    let code: TrackingCode
    let revealIdentity: Bool
    let reason: String?
    let asLogin: String?
    let rulesDirectory: String
    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        code = try CommandContext.trackingCode(try arguments.positional(0) ?? "", field: "code")
        revealIdentity = arguments.flag("reveal-identity")
        reason = try arguments.string("reason")?.precomposedStringWithCanonicalMapping
        asLogin = try arguments.string("as")
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
    }

    func validate() throws {
        if reason != nil && !revealIdentity {
            throw FieldError(field: "reason", message: "--reason chỉ dùng cùng --reveal-identity")
        }
    }

    func run() throws {
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath,
                                                                book: CommandContext.optionalRules(rulesDirectory), as: asLogin)
        if revealIdentity {
            let (grievance, events) = try casework.revealIdentity(code, reason: reason, as: principal, at: Date())
            StandardStreams.printLine(GrievanceJSON(grievance: grievance, events: events).text)
        } else {
            let (grievance, events) = try casework.show(code, as: principal, at: Date())
            StandardStreams.printLine(GrievanceJSON(grievance: grievance, events: events).text)
        }
    }
}
