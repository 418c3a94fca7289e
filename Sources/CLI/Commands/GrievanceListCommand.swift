import Domain
import Storage

struct GrievanceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "list",
        abstract: "List grievances, newest first: JSON lines for scripts or a table for people.",
        arguments: [
            .option("status", value: "STATUS", help: Status.allCodes),
            .option("unit", value: "UNIT", help: "lead or coordinating unit id"),
            .option("format", value: "FORMAT", help: "json | table", default: "json"),
            .option("limit", value: "N", help: "at most this many", default: "1000"),
            .database,
        ])

    enum Format: String { case json, table }

    let filter: GrievanceFilter
    let format: Format
    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        filter = GrievanceFilter(
            status: try arguments.value("status", accepted: Status.allCodes, Status.init(rawValue:)),
            unit: try arguments.string("unit"),
            limit: try arguments.integer("limit", range: 1...10_000_000) ?? 1000)
        format = try arguments.value("format", accepted: "json, table", Format.init(rawValue:)) ?? .json
        databasePath = try arguments.required("db")
    }

    func run() throws {
        let grievances = try CommandContext(databasePath: databasePath).store.list(filter)
        switch format {
        case .json:
            for grievance in grievances { try JSONLines.print(GrievanceJSON(grievance: grievance, events: nil)) }
        case .table:
            for line in GrievanceTable.render(grievances) { StandardStreams.printLine(line) }
        }
    }
}
