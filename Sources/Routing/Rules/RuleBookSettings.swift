/// The `settings` block: defaults for what no rule decides.
public struct RuleBookSettings: Sendable, Equatable {
    /// The registering Front office whose triage queue takes unplaced grievances.
    public var office: String?
    /// The deadline policy and ladder of the built-in fallback (triage).
    public var fallbackDeadline: String?
    public var fallbackLadder: String?
}
