public import Domain

/// Working days (Monday–Friday, minus holidays, plus make-up working days) and due dates.
///
/// Flags for a span of years are computed once, so a due date costs a few array reads: routing
/// computes two for every grievance.
public struct WorkingCalendar: Sendable {
    public let holidays: HolidayCalendar
    private let firstDay: Int
    private let isWorking: [Bool]

    public init(holidays: HolidayCalendar, years: ClosedRange<Int> = 1990...2100) {
        self.holidays = holidays
        let first = LocalDate(year: years.lowerBound, month: 1, day: 1)!.daysSinceEpoch
        let last = LocalDate(year: years.upperBound, month: 12, day: 31)!.daysSinceEpoch
        var flags = (first...last).map { LocalDate(daysSinceEpoch: $0).isoWeekday <= 5 }
        for year in years {
            for holiday in holidays.daysOff(in: year) { flags[holiday.date.daysSinceEpoch - first] = false }
            for day in holidays.workingDays(in: year) { flags[day.date.daysSinceEpoch - first] = true }
        }
        firstDay = first
        isWorking = flags
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        let index = date.daysSinceEpoch - firstDay
        if index >= 0 && index < isWorking.count { return isWorking[index] }
        // Outside the precomputed span: the slow, exact way.
        if holidays.workingDays(in: date.year).contains(where: { $0.date == date }) { return true }
        return date.isoWeekday <= 5 && !holidays.daysOff(in: date.year).contains { $0.date == date }
    }

    /// The due date `days` after `start` (the start is day 0). Working days: only they count.
    /// Calendar days: all count, and a due date on a rest day moves to the next working day.
    public func due(from start: LocalDate, days: Int, working: Bool) -> LocalDate {
        // Day numbers and the flag array directly: this runs twice for every routed grievance.
        var day = start.daysSinceEpoch
        if working {
            var remaining = days
            while remaining > 0 {
                day += 1
                if isWorking(dayNumber: day) { remaining -= 1 }
            }
        } else {
            day += days
            while !isWorking(dayNumber: day) { day += 1 }
        }
        return LocalDate(daysSinceEpoch: day)
    }

    private func isWorking(dayNumber: Int) -> Bool {
        let index = dayNumber - firstDay
        if index >= 0 && index < isWorking.count { return isWorking[index] }
        return isWorkingDay(LocalDate(daysSinceEpoch: dayNumber))
    }
}
