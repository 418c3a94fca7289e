import Routing

/// A routing decision in the shape of ../shared/INTERFACES.md.
struct DecisionJSON: Encodable {
    let id: String
    let decision: RoutingDecision

    private enum Keys: String, CodingKey {
        case id, outcome, leadUnit = "lead_unit", coordinatingUnits = "coordinating_units", authority, rule
        case rulesVersion = "rules_version", dueAccept = "due_accept", dueResolve = "due_resolve", matched
        case conflictAvoided = "conflict_avoided", escalation, explanation
    }

    private enum StepKeys: String, CodingKey { case on, action, unit }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(decision.outcome.rawValue, forKey: .outcome)
        try c.encode(decision.leadUnit, forKey: .leadUnit)
        try c.encode(decision.coordinatingUnits, forKey: .coordinatingUnits)
        try c.encode(decision.authority, forKey: .authority)
        try c.encode(decision.ruleID, forKey: .rule)
        try c.encode(decision.rulesVersion, forKey: .rulesVersion)
        try c.encode(decision.dueAccept?.iso, forKey: .dueAccept)
        try c.encode(decision.dueResolve?.iso, forKey: .dueResolve)
        try c.encode(decision.matched, forKey: .matched)
        try c.encode(decision.conflictAvoided, forKey: .conflictAvoided)
        var steps = c.nestedUnkeyedContainer(forKey: .escalation)
        for step in decision.escalation {
            var s = steps.nestedContainer(keyedBy: StepKeys.self)
            try s.encode(step.on.iso, forKey: .on)
            try s.encode(step.action.rawValue, forKey: .action)
            try s.encode(step.unit, forKey: .unit)
        }
        try c.encode(decision.explanation, forKey: .explanation)
    }
}
