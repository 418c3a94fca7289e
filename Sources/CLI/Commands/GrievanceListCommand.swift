import Presentation
import Foundation
import Domain
import Casework
import Routing
import Storage

struct GrievanceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "list",
        abstract: "Liệt kê đơn người dùng được xem, mới nhất trước: dòng JSON cho chương trình hoặc bảng cho người đọc. (List the grievances the user may see, newest first: JSON lines for scripts or a table for people.)",
        arguments: [
            .option("status", value: "STATUS", help: Status.allCodes),
            .option("unit", value: "UNIT", help: "mã đơn vị chủ trì hoặc phối hợp (lead or coordinating unit id)"),
            .option("format", value: "FORMAT", help: "định dạng (format): json | table", default: "json"),
            .flag("overdue", help: "chỉ những đơn quá hạn hôm nay: hạn đang chạy đã qua, không tính đơn chờ công dân bổ sung (only those overdue today)"),
            .option("limit", value: "N", help: "tối đa bấy nhiêu đơn (at most this many)", default: "1000"),
            .option("rules", value: "DIR", help: "thư mục quy tắc, để hiện tên đơn vị trong bảng (routing rules directory, for the units' names in a table)", default: "routing-rules"),
            .database,
        ])

    enum Format: String { case json, table }

    let filter: GrievanceFilter
    let format: Format
    let databasePath: String
    let rulesDirectory: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        filter = GrievanceFilter(
            status: try arguments.value("status", accepted: Status.allCodes, Status.init(rawValue:)),
            unit: try arguments.string("unit"),
            limit: try arguments.integer("limit", range: 1...10_000_000) ?? 1000,
            overdueOn: arguments.flag("overdue") ? LocalDate(Date()) : nil)
        format = try arguments.value("format", accepted: "json, table", Format.init(rawValue:)) ?? .json
        databasePath = try arguments.required("db")
        rulesDirectory = try arguments.required("rules")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        // Names only make the table readable, and the rules give the units below a head's: without
        // them (another folder) the table shows ids and a head sees their own unit.
        let book = CommandContext.optionalRules(rulesDirectory)
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, book: book, as: asLogin)
        let grievances = try casework.list(filter, as: principal, at: Date())
        switch format {
        case .json:
            for grievance in grievances { StandardStreams.printLine(GrievanceJSON(grievance: grievance, events: nil).text) }
        case .table:
            let units = book?.directory.units ?? [:]
            for line in GrievanceTable.render(grievances, unitNames: units.mapValues(\.name)) { StandardStreams.printLine(line) }
        }
    }
}
