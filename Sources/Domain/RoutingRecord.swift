/// Which rule placed a grievance, under which version of the rules, with which deadline policy.
public struct RoutingRecord: Sendable, Equatable {
    public var rule: String
    public var rulesVersion: String
    public var deadlinePolicy: String?

    public init(rule: String, rulesVersion: String, deadlinePolicy: String?) {
        self.rule = rule
        self.rulesVersion = rulesVersion
        self.deadlinePolicy = deadlinePolicy
    }
}
