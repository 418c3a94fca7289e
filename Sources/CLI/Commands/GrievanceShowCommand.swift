import Domain
import Storage

struct GrievanceShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "In một đơn cùng lịch sử xử lý dưới dạng JSON. (Print one grievance with its event history as JSON.)",
        arguments: [.positional("code", help: "mã đơn, ví dụ K7M3Q-9TXR2, không phân biệt hoa thường và dấu gạch (the tracking code)"),
                    .flag("reveal-identity", help: "chỉ cán bộ thụ lý: hiện danh tính người tố cáo được bảo mật (Luật Tố cáo 2018, Điều 47); the handling officer only: show a confidential submitter's identity"),
                    .database])

    let code: TrackingCode
    let revealIdentity: Bool
    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        code = try CommandContext.trackingCode(try arguments.positional(0) ?? "", field: "code")
        revealIdentity = arguments.flag("reveal-identity")
        databasePath = try arguments.required("db")
    }

    func run() throws {
        let context = try CommandContext(databasePath: databasePath)
        guard let (grievance, events) = try context.store.find(code) else { throw StoreError.notFound(code) }
        try JSONLines.print(GrievanceJSON(grievance: grievance, events: events, revealIdentity: revealIdentity))
    }
}
