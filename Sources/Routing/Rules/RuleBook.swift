/// Everything routing needs, loaded from routing-rules/ and checked: units, rules in the order
/// they are tried, deadline policies, escalation ladders, topics, the calendar.
public struct RuleBook: Sendable {
    public let directory: UnitDirectory
    /// Highest priority first; equal priorities in file order (the checker forbids overlaps there).
    public let rules: [Rule]
    public let deadlines: [String: DeadlinePolicy]
    public let ladders: [String: EscalationLadder]
    public let topics: [String: Topic]
    public let settings: RuleBookSettings
    public let calendar: WorkingCalendar
    /// A hash of every file's path and contents: decisions record it so they can be explained later.
    public let version: String
}
