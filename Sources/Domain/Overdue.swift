/// When a grievance is late: the deadline that runs in its status has passed (the due day itself
/// is still in time), and its clock is not paused while waiting for the citizen. Before acceptance
/// both the acceptance and the resolution dates run; after it, the resolution date; after a
/// transfer, the authority's own date and the resolution date the Front follows it by. The store's overdue filter is built from this same table.
public enum Overdue {
    public enum Deadline: String, Sendable, CaseIterable {
        case accept, resolve, authority
    }

    /// Which deadlines run in which statuses.
    public static let running: [(statuses: [Status], deadlines: [Deadline])] = [
        ([.received, .triage, .assigned], [.accept, .resolve]),
        ([.accepted, .inProgress, .reopened], [.resolve]),
        // After a transfer the authority's own date runs, and the Front's follow-up date with it.
        ([.transferred], [.authority, .resolve]),
    ]

    /// Whether `grievance` is late on `today` (a day in Vietnam).
    public static func isOverdue(_ grievance: Grievance, on today: LocalDate) -> Bool {
        guard grievance.deadlines.pausedSince == nil,
              let deadlines = running.first(where: { $0.statuses.contains(grievance.status) })?.deadlines else { return false }
        return deadlines.contains { deadline in
            let due: LocalDate? = switch deadline {
            case .accept: grievance.deadlines.accept
            case .resolve: grievance.deadlines.resolve
            case .authority: grievance.deadlines.authority
            }
            return due.map { $0 < today } ?? false
        }
    }
}

extension Grievance {
    public func isOverdue(on today: LocalDate) -> Bool { Overdue.isOverdue(self, on: today) }
}
