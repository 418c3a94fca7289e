public import Foundation

extension Grievance {
    /// Applies a routing decision: the status it leads to (assigned, transferred or triage), the
    /// units, the deadlines, and an event that keeps the rule, the rules version and the sentence.
    public func routed(_ assignment: RoutingAssignment, at instant: Date, sequence: Int)
        throws(TransitionError) -> (Grievance, GrievanceEvent) {
        let request: TransitionRequest
        switch assignment.outcome {
        case .unit:
            request = TransitionRequest(to: .assigned, unit: assignment.leadUnit, coordinatingUnits: assignment.coordinatingUnits)
        case .transfer:
            request = TransitionRequest(to: .transferred, unit: assignment.leadUnit, authority: assignment.authority)
        case .triage:
            request = TransitionRequest(to: .triage)
        }
        var (next, event) = try applying(request, at: instant, actor: "router", sequence: sequence)
        if assignment.outcome == .triage { next.leadUnit = assignment.leadUnit }
        if assignment.outcome == .transfer { next.coordinatingUnits = assignment.coordinatingUnits }
        if let topic = assignment.topic { next.topic = topic }
        next.deadlines.accept = assignment.dueAccept
        next.deadlines.resolve = assignment.dueResolve
        next.routing = RoutingRecord(rule: assignment.rule, rulesVersion: assignment.rulesVersion,
                                     deadlinePolicy: assignment.deadlinePolicy)
        event.details["rule"] = assignment.rule
        event.details["rules_version"] = assignment.rulesVersion
        event.details["explanation"] = assignment.explanation
        if !assignment.kindExplanation.isEmpty { event.details["kind_explanation"] = assignment.kindExplanation.joined(separator: "; ") }
        if let due = assignment.dueResolve { event.details["due_resolve"] = due.iso }
        return (next, event)
    }

    /// The statuses in which the resolution period runs and so may be extended.
    public static let extendable: [Status] = [.accepted, .inProgress, .waitingForCitizen]

    /// Extends the resolution deadline once more, to `newDue`, for a reason; the caller has checked
    /// the rule's limits (how many extensions, how long each).
    public func extended(to newDue: LocalDate, days: Int, reason: String?, at instant: Date, actor: String?, sequence: Int)
        throws(TransitionError) -> (Grievance, GrievanceEvent) {
        guard status.isOpen else {
            throw .notAllowed(from: status, to: status, allowed: Lifecycle.successors(of: status))
        }
        // The resolution period runs from acceptance, which sets it anew: an extension granted
        // before would be overwritten and still count against the limit.
        guard Grievance.extendable.contains(status) else { throw .extensionBeforeAcceptance(status) }
        guard let reason, !reason.allSatisfy(\.isWhitespace) else {
            throw .missing(field: "reason", to: status, why: "gia hạn phải nêu lý do vụ việc phức tạp")
        }
        var next = self
        let old = deadlines.resolve
        next.deadlines.resolve = newDue
        var details = ["days": String(days), "due_resolve": newDue.iso]
        if let old { details["previous_due_resolve"] = old.iso }
        let event = GrievanceEvent(sequence: sequence, at: instant, type: .extended, fromStatus: status, toStatus: status,
                                   actor: actor, reason: reason, details: details)
        return (next, event)
    }
}
