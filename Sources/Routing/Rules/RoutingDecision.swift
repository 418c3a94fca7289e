public import Domain

/// Where a grievance goes and by when, and why: the rule, what it matched, the rules version.
public struct RoutingDecision: Sendable, Equatable {
    public enum Outcome: String, Sendable { case unit, transfer, triage }

    public struct EscalationStep: Sendable, Equatable {
        public enum Action: String, Sendable { case remind, escalate }
        public var on: LocalDate
        public var action: Action
        public var unit: String
    }

    public var outcome: Outcome
    public var leadUnit: String?
    public var coordinatingUnits: [String]
    /// The external authority's unit id, for transfers.
    public var authority: String?
    public var ruleID: String
    public var rulesVersion: String
    public var dueAccept: LocalDate?
    public var dueResolve: LocalDate?
    /// The inputs the rule matched, e.g. ["kind=khieu-nai", "topic=dat-dai", "commune=26983"].
    public var matched: [String]
    /// Set when a denunciation names the unit that would have led: the unit it was kept from.
    public var conflictAvoided: String?
    public var escalation: [EscalationStep]
    /// One Vietnamese sentence: "Khớp quy tắc R12: …".
    public var explanation: String
}
