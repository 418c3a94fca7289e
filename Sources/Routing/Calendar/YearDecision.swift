
/// The government's decision for one year: the exact days off (including swapped days) and the
/// make-up working Saturdays. When a year has one, it replaces the statutory computation.
public struct YearDecision: Sendable, Equatable {
    public var year: Int
    public var daysOff: [Holiday]
    public var workingDays: [Holiday]
    /// Where the decision was published.
    public var source: String
}
