import Domain

/// Vietnam's public holidays: official yearly decisions where the data has them, otherwise the
/// statutory rules with their weekend compensation (nghỉ bù: a holiday on a Saturday or Sunday
/// gives the next working day off, Bộ luật Lao động 2019 art. 111–112).
public struct HolidayCalendar: Sendable {
    public var rules: [HolidayRule]
    public var decisions: [Int: YearDecision]
    /// The name given to compensation days, after the holiday's own name.
    public var compensationSuffix = " (nghỉ bù)"

    public init(rules: [HolidayRule], decisions: [YearDecision]) {
        self.rules = rules
        self.decisions = Dictionary(decisions.map { ($0.year, $0) }, uniquingKeysWith: { $1 })
    }

    /// Every day off in `year` that is a holiday or a compensation or swapped day, in date order.
    public func daysOff(in year: Int) -> [Holiday] {
        if let decision = decisions[year] { return decision.daysOff.sorted() }
        var result: [Holiday] = []
        var taken = Set<LocalDate>()
        for rule in rules {
            for day in rule.days(in: year) where taken.insert(day).inserted {
                result.append(Holiday(date: day, name: rule.name))
            }
        }
        // Compensation: each holiday on a weekend moves to the next day that is neither a weekend
        // nor already a holiday, in date order so that consecutive ones stack.
        for holiday in result.sorted() where holiday.date.isoWeekday >= 6 {
            var day = holiday.date.adding(days: 1)
            while day.isoWeekday >= 6 || taken.contains(day) { day = day.adding(days: 1) }
            taken.insert(day)
            result.append(Holiday(date: day, name: holiday.name + compensationSuffix))
        }
        return result.sorted()
    }

    /// Make-up working days (usually Saturdays) in `year`.
    public func workingDays(in year: Int) -> [Holiday] {
        decisions[year]?.workingDays.sorted() ?? []
    }

    /// Whether `year`'s days come from an official decision rather than the statutory rules.
    public func hasDecision(for year: Int) -> Bool { decisions[year] != nil }
}
