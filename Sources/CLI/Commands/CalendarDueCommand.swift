import Domain
import Routing

struct CalendarDueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "due",
        abstract: "Ngày đến hạn sau N ngày kể từ một ngày. (The due date N days after a date (the date itself is day 0), ISO 8601.)",
        discussion: """
            With --working only working days count (make-up working Saturdays count). Without it \
            calendar days count, and a due date on a rest day moves to the next working day.
            """,
        arguments: [
            .option("from", value: "DATE", help: "start date, dd/mm/yyyy or yyyy-mm-dd", required: true),
            .option("days", value: "N", help: "number of days", required: true),
            .flag("working", help: "count working days only"),
            .rulesDirectory,
        ],
        examples: ["danvan calendar due --from 2026-02-13 --days 5 --working   # → 2026-02-27"])

    let from: LocalDate
    let days: Int
    let working: Bool
    let rulesDirectory: String

    init(_ arguments: ParsedArguments) throws {
        from = try arguments.value("from", accepted: LocalDate.typedFormats, LocalDate.init(typed:))!
        days = try arguments.integer("days", range: 0...3650)!
        working = arguments.flag("working")
        rulesDirectory = try arguments.required("rules")
    }

    func run() throws {
        let calendar = try CalendarLoader.load(rulesDirectory: rulesDirectory)
        StandardStreams.printLine(calendar.due(from: from, days: days, working: working).iso)
    }
}
