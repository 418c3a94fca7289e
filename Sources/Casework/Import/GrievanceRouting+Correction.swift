public import Domain
internal import Intake

extension GrievanceRouting {
    /// Where the rules send a grievance after staff corrected its kind or topic, or nil when it
    /// stays: only a grievance routed by the rules and not yet accepted (in triage or assigned)
    /// moves, since a unit that accepted a matter keeps it until it transfers it itself. A tố cáo
    /// found in a phản ánh must leave the unit it may name. A corrected grievance counts as
    /// reviewed: the rules see its topic with full confidence.
    public func rerouteAfterCorrection(_ grievance: Grievance) throws -> RoutingAssignment? {
        guard grievance.routing != nil, grievance.status == .triage || grievance.status == .assigned,
              let topic = grievance.topic else { return nil }
        var draft = GrievanceDraft(kind: grievance.kind, channel: grievance.channel, text: grievance.text,
                                   submitter: grievance.submitter, receivedAt: grievance.receivedAt, place: grievance.place)
        let assignment = try route(&draft, topic: topic)
        let stays = switch assignment.outcome {
        case .triage: grievance.status == .triage
        case .unit: grievance.status == .assigned && assignment.leadUnit == grievance.leadUnit
            && assignment.coordinatingUnits == grievance.coordinatingUnits
        // A transfer from assigned is a move; the lifecycle allows it.
        case .transfer: false
        }
        return stays ? nil : assignment
    }
}
