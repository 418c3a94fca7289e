public import Domain

/// A statutory holiday (Bộ luật Lao động 2019, art. 112), for years without an official decision.
public struct HolidayRule: Sendable, Equatable {
    public enum Date: Sendable, Equatable {
        /// A Gregorian month and day.
        case solar(month: Int, day: Int)
        /// A lunar month and day (Giỗ Tổ Hùng Vương: 10/3).
        case lunar(month: Int, day: Int)
        /// Days relative to lunar New Year's Day: -1...3 is the last day of the old year and mùng 1–4.
        case lunarNewYear(ClosedRange<Int>)
    }

    public var name: String
    public var date: Date
    public var since: Int?
    public var until: Int?

    public func applies(to year: Int) -> Bool {
        (since.map { year >= $0 } ?? true) && (until.map { year <= $0 } ?? true)
    }

    /// The days this rule gives in Gregorian `year`.
    public func days(in year: Int) -> [LocalDate] {
        guard applies(to: year) else { return [] }
        switch date {
        case let .solar(month, day):
            return LocalDate(year: year, month: month, day: day).map { [$0] } ?? []
        case let .lunar(month, day):
            return LunarCalendar.solarDate(of: LunarDate(day: day, month: month, year: year)).map { [$0] } ?? []
        case let .lunarNewYear(range):
            let newYear = LunarCalendar.newYearsDay(year)
            return range.map { newYear.adding(days: $0) }
        }
    }
}
