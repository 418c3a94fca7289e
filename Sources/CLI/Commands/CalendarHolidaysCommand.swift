import Domain
import Routing

struct CalendarHolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "holidays",
        abstract: "Liệt kê ngày nghỉ trong năm. (List the days off of a year as JSON lines {\"date\", \"name\", \"official\"}.)",
        discussion: """
            "official" is true when the year's days come from a government decision in \
            routing-rules/calendar/YYYY.txt, false when computed from the statutory rules.
            """,
        arguments: [.positional("year", help: "e.g. 2026"), .rulesDirectory],
        examples: ["danvan calendar holidays 2026"])

    let year: Int
    let rulesDirectory: String

    init(_ arguments: ParsedArguments) throws {
        let text = try arguments.positional(0) ?? ""
        guard let year = Int(text), (1900...2199).contains(year) else {
            throw FieldError(field: "year", message: "'\(text)' is not a year between 1900 and 2199")
        }
        self.year = year
        rulesDirectory = try arguments.required("rules")
    }

    func run() throws {
        let calendar = try CalendarLoader.load(rulesDirectory: rulesDirectory)
        let official = calendar.holidays.hasDecision(for: year)
        for holiday in calendar.holidays.daysOff(in: year) {
            try JSONLines.print(["date": .string(holiday.date.iso), "name": .string(holiday.name),
                                 "official": .bool(official)] as [String: JSONScalar])
        }
    }
}
