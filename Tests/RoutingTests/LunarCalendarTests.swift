import Testing
import Domain
@testable import Routing

@Suite("Vietnamese lunar calendar")
struct LunarCalendarTests {
    struct Year: Sendable, CustomTestStringConvertible {
        var year: Int
        var tet: LocalDate
        var hungKings: LocalDate
        var testDescription: String { String(year) }
    }

    /// Tết and Giỗ Tổ Hùng Vương 1968–2099 from independent implementations (scripts/make-lunar-fixture.py).
    static let fixture: [Year] = {
        guard let text = try? ProjectPaths.fixture("lunar-dates.tsv") else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let cells = line.split(separator: "\t").map(String.init)
            guard cells.count == 3, let year = Int(cells[0]), let tet = LocalDate(iso: cells[1]),
                  let hung = LocalDate(iso: cells[2]) else { return nil }
            return Year(year: year, tet: tet, hungKings: hung)
        }
    }()

    @Test("the fixture covers 1968–2099")
    func fixtureIsComplete() {
        #expect(LunarCalendarTests.fixture.map(\.year) == Array(1968...2099))
    }

    @Test("Tết and the Hùng Kings' day match the independent fixture", arguments: fixture)
    func matchesFixture(year: Year) {
        #expect(LunarCalendar.newYearsDay(year.year) == year.tet)
        #expect(LunarCalendar.solarDate(of: LunarDate(day: 10, month: 3, year: year.year)) == year.hungKings)
        #expect(LunarCalendar.lunarDate(of: year.tet) == LunarDate(day: 1, month: 1, year: year.year))
    }

    @Test("Vietnam (UTC+7) and China (UTC+8) differ where they should")
    func timeZoneMatters() {
        #expect(LunarCalendar.newYearsDay(1985) == LocalDate(iso: "1985-01-21"))
        #expect(LunarCalendar.solarDate(of: LunarDate(day: 1, month: 1, year: 1985), timeZone: 8) == LocalDate(iso: "1985-02-20"))
        #expect(LunarCalendar.newYearsDay(2007) == LocalDate(iso: "2007-02-17"))
        #expect(LunarCalendar.solarDate(of: LunarDate(day: 1, month: 1, year: 2007), timeZone: 8) == LocalDate(iso: "2007-02-18"))
        #expect(LunarCalendar.newYearsDay(2030) == LocalDate(iso: "2030-02-02"))
        #expect(LunarCalendar.solarDate(of: LunarDate(day: 1, month: 1, year: 2030), timeZone: 8) == LocalDate(iso: "2030-02-03"))
    }

    @Test("every day of 1968–2099 converts to lunar and back to itself")
    func roundTrip() {
        var day = LocalDate(iso: "1968-01-01")!
        let end = LocalDate(iso: "2099-12-31")!
        var failures = 0
        var leapDays = 0
        while day <= end {
            let lunar = LunarCalendar.lunarDate(of: day)
            if lunar.isLeapMonth { leapDays += 1 }
            if LunarCalendar.solarDate(of: lunar) != day || !(1...30).contains(lunar.day) { failures += 1 }
            day = day.adding(days: 7)
        }
        #expect(failures == 0)
        #expect(leapDays > 0)
    }

    @Test("a leap month that does not exist is refused")
    func missingLeapMonth() {
        // 2023 had a leap 2nd month (tháng 2 nhuận), not a leap 5th.
        #expect(LunarCalendar.solarDate(of: LunarDate(day: 1, month: 2, year: 2023, isLeapMonth: true)) == LocalDate(iso: "2023-03-22"))
        #expect(LunarCalendar.solarDate(of: LunarDate(day: 1, month: 5, year: 2023, isLeapMonth: true)) == nil)
    }
}
