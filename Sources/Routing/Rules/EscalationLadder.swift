/// Who is told when a deadline nears or passes: a reminder to the lead unit, then its parent,
/// then the parent's parent.
public struct EscalationLadder: Sendable, Equatable {
    public var id: String
    /// Working days before the resolution deadline to remind the lead unit.
    public var remindBefore: Int?
    /// Working days after the deadline to escalate to the parent unit.
    public var escalateAfter: Int?
    /// Further working days after the first escalation to go one level higher.
    public var escalateAgainAfter: Int?
    public var line: Int
    public var file: String
}
