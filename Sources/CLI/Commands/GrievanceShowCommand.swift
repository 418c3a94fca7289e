import Foundation
import Domain
import Storage

struct GrievanceShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "In một đơn cùng lịch sử xử lý dưới dạng JSON. (Print one grievance with its event history as JSON.)",
        arguments: [.positional("code", help: "mã đơn, ví dụ K7M3Q-9TXR2, không phân biệt hoa thường và dấu gạch (the tracking code)"),
                    .flag("reveal-identity", help: "chỉ cán bộ thụ lý: hiện danh tính người tố cáo được bảo mật (Luật Tố cáo 2018, Điều 47), việc xem được ghi vào lịch sử đơn; the handling officer only: show a confidential submitter's identity, recorded as an event"),
                    .option("reason", value: "TEXT", help: "lý do xem danh tính, ghi cùng sự kiện (why the identity is needed; kept with the event)"),
                    .database])

    let code: TrackingCode
    let revealIdentity: Bool
    let reason: String?
    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        code = try CommandContext.trackingCode(try arguments.positional(0) ?? "", field: "code")
        revealIdentity = arguments.flag("reveal-identity")
        reason = try arguments.string("reason")?.precomposedStringWithCanonicalMapping
        databasePath = try arguments.required("db")
    }

    func validate() throws {
        if reason != nil && !revealIdentity {
            throw FieldError(field: "reason", message: "--reason chỉ dùng cùng --reveal-identity")
        }
    }

    func run() throws {
        let context = try CommandContext(databasePath: databasePath)
        guard var (grievance, events) = try context.store.find(code) else { throw StoreError.notFound(code) }
        if revealIdentity && grievance.submitter.confidential {
            // Every look at a protected identity leaves a trace in the history, written before it is shown.
            let (revealed, event) = try context.store.mutate(code, at: Date()) { current, history in
                (current, GrievanceEvent(sequence: (history.last?.sequence ?? 0) + 1, at: Date(), type: .identityRevealed,
                                         actor: CommandContext.actor, reason: reason))
            }
            grievance = revealed
            events.append(event)
        }
        try JSONLines.print(GrievanceJSON(grievance: grievance, events: events, revealIdentity: revealIdentity))
    }
}
