/// The state machine of a grievance: which status may follow which.
///
/// The table is the single source of truth; `Grievance.applying(_:at:actor:)` enforces it and
/// the tests walk every pair of statuses against it.
public enum Lifecycle {
    public static let allowedTransitions: [Status: Set<Status>] = [
        .received: [.triage, .assigned, .rejected, .transferred, .merged],
        .triage: [.assigned, .rejected, .transferred, .merged],
        // A unit may send a matter back to triage when it is not theirs; before it is accepted it
        // may be given to another unit (a corrected kind or topic that the rules send elsewhere).
        .assigned: [.assigned, .accepted, .triage, .rejected, .transferred, .merged],
        .accepted: [.inProgress, .waitingForCitizen, .resolved, .transferred, .merged],
        .inProgress: [.waitingForCitizen, .resolved, .transferred, .merged],
        .waitingForCitizen: [.inProgress, .resolved],
        .resolved: [.closed, .reopened],
        .closed: [.reopened],
        .rejected: [.reopened],
        // After a transfer the receiving unit takes it (assigned) or the authority answers (resolved).
        .transferred: [.assigned, .resolved, .closed, .reopened],
        .merged: [.reopened],
        .reopened: [.triage, .assigned, .accepted],
    ]

    public static func canMove(from: Status, to: Status) -> Bool {
        allowedTransitions[from, default: []].contains(to)
    }

    /// The statuses reachable from `status`, in declaration order, for messages and help.
    public static func successors(of status: Status) -> [Status] {
        let allowed = allowedTransitions[status, default: []]
        return Status.allCases.filter { allowed.contains($0) }
    }
}
