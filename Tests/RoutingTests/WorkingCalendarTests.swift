import Testing
import Domain
@testable import Routing

@Suite("Holidays and working days")
struct WorkingCalendarTests {
    static let calendar: WorkingCalendar = try! CalendarLoader.load(rulesDirectory: ProjectPaths.rules)

    static func days(_ list: String) -> [String] { list.split(separator: " ").map(String.init) }

    /// Days off as announced (weekdays and weekend holidays alike), written from the announcements,
    /// not read from routing-rules/.
    static let official: [(Int, [String])] = [
        (2024, days("2024-01-01 2024-02-08 2024-02-09 2024-02-10 2024-02-11 2024-02-12 2024-02-13 2024-02-14 "
                    + "2024-04-18 2024-04-29 2024-04-30 2024-05-01 2024-09-02 2024-09-03")),
        (2025, days("2025-01-01 2025-01-27 2025-01-28 2025-01-29 2025-01-30 2025-01-31 2025-04-07 2025-04-30 "
                    + "2025-05-01 2025-05-02 2025-09-01 2025-09-02")),
        (2026, days("2026-01-01 2026-02-16 2026-02-17 2026-02-18 2026-02-19 2026-02-20 2026-04-26 2026-04-27 "
                    + "2026-04-30 2026-05-01 2026-08-31 2026-09-01 2026-09-02 2026-11-24")),
        // 2027 has no decision yet: the statute gives the last day of the year and mùng 1–4 (5–9/2, of
        // which 6 and 7/2 are a weekend, so 10 and 11/2 in compensation), 1/5 is a Saturday (3/5 off).
        (2027, days("2027-01-01 2027-02-05 2027-02-06 2027-02-07 2027-02-08 2027-02-09 2027-02-10 2027-02-11 "
                    + "2027-04-16 2027-04-30 2027-05-01 2027-05-03 2027-09-02 2027-09-03 2027-11-24")),
    ]

    @Test("weekday days off 2024–2027 match the official lists", arguments: official)
    func matchesOfficialList(year: Int, expected: [String]) {
        let weekdays = Set(expected.compactMap(LocalDate.init(iso:)).filter { $0.isoWeekday <= 5 })
        let ours = Set(WorkingCalendarTests.calendar.holidays.daysOff(in: year).map(\.date).filter { $0.isoWeekday <= 5 })
        #expect(ours == weekdays, "extra: \(ours.subtracting(weekdays).map(\.iso).sorted()), missing: \(weekdays.subtracting(ours).map(\.iso).sorted())")
        for day in weekdays { #expect(!WorkingCalendarTests.calendar.isWorkingDay(day)) }
    }

    @Test("make-up Saturdays are working days", arguments: ["2024-05-04", "2025-04-26", "2026-08-22"])
    func makeUpSaturdays(date: String) {
        let day = LocalDate(iso: date)!
        #expect(day.isoWeekday == 6)
        #expect(WorkingCalendarTests.calendar.isWorkingDay(day))
    }

    @Test("due dates, as ../shared/INTERFACES.md defines them", arguments: [
        ("2026-02-13", 5, true, "2026-02-27"),   // Tết 16–20/2 skipped
        ("2026-11-20", 10, true, "2026-12-07"),  // 24/11 Ngày Văn hóa skipped
        ("2026-11-23", 0, true, "2026-11-23"),
        ("2026-08-20", 2, true, "2026-08-22"),   // Saturday 22/8 is worked: Fri 21 (1), Sat 22 (2)
        ("2026-02-06", 10, false, "2026-02-23"), // 16/2 falls in Tết: moves to Monday 23/2
        ("2026-11-23", 30, false, "2026-12-23"),
        ("2026-04-24", 2, false, "2026-04-28"),  // Sunday 26/4 → 27/4 is the compensation day → 28/4
    ])
    func dueDates(from: String, days: Int, working: Bool, expected: String) {
        #expect(WorkingCalendarTests.calendar.due(from: LocalDate(iso: from)!, days: days, working: working).iso == expected)
    }

    @Test("bad calendar files are reported as file:line")
    func badCalendarFile() {
        let (_, problems) = CalendarFileParser.parse("""
            holiday | solar 13-01 | Sai tháng
            off 2026-01-02 | Không có dòng year
            year 2026 | nguồn
            off 2027-01-01 | Sai năm
            work 2026-02-30 | Ngày không tồn tại
            frobnicate
            """, file: "cal.txt")
        #expect(problems.map(\.line) == [1, 2, 4, 5, 6])
        #expect(problems.allSatisfy { $0.description.hasPrefix("cal.txt:\($0.line): ") })
    }
}
