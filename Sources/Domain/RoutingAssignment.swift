/// What routing decided for a grievance, as the domain records it.
public struct RoutingAssignment: Sendable, Equatable {
    public enum Outcome: String, Sendable { case unit, transfer, triage }

    public var outcome: Outcome
    public var topic: String?
    public var leadUnit: String?
    public var coordinatingUnits: [String]
    public var authority: String?
    public var dueAccept: LocalDate?
    public var dueResolve: LocalDate?
    public var rule: String
    public var rulesVersion: String
    /// The deadline policy of routing-rules/ that set the dates: extensions are bounded by it.
    public var deadlinePolicy: String?
    public var explanation: String
    /// Why the kind was suggested beside the model, when a legal test acted (kept with the event).
    public var kindExplanation: [String] = []

    public init(outcome: Outcome, topic: String?, leadUnit: String?, coordinatingUnits: [String], authority: String?,
                dueAccept: LocalDate?, dueResolve: LocalDate?, rule: String, rulesVersion: String, deadlinePolicy: String?,
                explanation: String) {
        self.outcome = outcome
        self.topic = topic
        self.leadUnit = leadUnit
        self.coordinatingUnits = coordinatingUnits
        self.authority = authority
        self.dueAccept = dueAccept
        self.dueResolve = dueResolve
        self.rule = rule
        self.rulesVersion = rulesVersion
        self.deadlinePolicy = deadlinePolicy
        self.explanation = explanation
    }
}
