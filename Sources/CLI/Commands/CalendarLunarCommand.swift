import Domain
import Routing

struct CalendarLunarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "lunar",
        abstract: "Đổi ngày dương lịch sang âm lịch Việt Nam. (Convert Gregorian dates to the Vietnamese lunar calendar (UTC+7).)",
        discussion: "Reads one date per line from standard input when no DATE is given.",
        arguments: [.positional("date", help: "YYYY-MM-DD", required: false)],
        examples: ["danvan calendar lunar 2026-02-17", "printf '1985-01-21\\n2030-02-02\\n' | danvan calendar lunar"])

    let date: String?

    init(_ arguments: ParsedArguments) throws {
        date = try arguments.positional(0)
    }

    func run() throws {
        try LineInput.forEach(argument: date, field: "date") { text, _ in
            guard let day = LocalDate(typed: text) else {
                throw FieldError(field: "date", message: "'\(text)' không phải ngày (\(LocalDate.typedFormats))")
            }
            let lunar = LunarCalendar.lunarDate(of: day)
            try JSONLines.print(["date": .string(day.iso), "lunar_day": .int(lunar.day), "lunar_month": .int(lunar.month),
                                 "lunar_year": .int(lunar.year), "leap_month": .bool(lunar.isLeapMonth)] as [String: JSONScalar])
        }
    }
}
