public import Domain

/// The deadlines of grievances already routed, counted by the rule book's policies and calendar:
/// from the day of acceptance, and pushed back by a pause as the policy counts days.
public struct RuleBookClock: DeadlineClock {
    public let book: RuleBook

    public init(book: RuleBook) {
        self.book = book
    }

    /// The policy whose resolution limit applies: the grievance's own (from the rule that routed
    /// it) when it sets one; else, for a grievance routed to triage or transferred (whose policy
    /// sets only the time to pass it on), the policy named after its kind ("khieu-nai"), else the
    /// book's fallback policy.
    public func resolutionPolicy(for grievance: Grievance) -> DeadlinePolicy? {
        let candidates = [grievance.routing?.deadlinePolicy, grievance.kind.rawValue, book.settings.fallbackDeadline]
        for id in candidates.compactMap({ $0 }) {
            if let policy = book.deadlines[id], policy.resolve != nil { return policy }
        }
        return nil
    }

    /// The policy whose acceptance limit applies: the routing rule's, else the kind's, else the
    /// fallback (a grievance registered without routing has only its kind).
    public func acceptancePolicy(for grievance: Grievance) -> DeadlinePolicy? {
        let candidates = [grievance.routing?.deadlinePolicy, grievance.kind.rawValue, book.settings.fallbackDeadline]
        for id in candidates.compactMap({ $0 }) {
            if let policy = book.deadlines[id], policy.accept != nil { return policy }
        }
        return nil
    }

    public func acceptDue(for grievance: Grievance, receivedOn day: LocalDate) -> LocalDate? {
        acceptancePolicy(for: grievance)?.accept.map { book.calendar.due(from: day, days: $0.days, working: $0.working) }
    }

    /// The limit for this grievance: the remote one when its lead unit or authority is in a
    /// hard-to-reach area.
    func limit(for grievance: Grievance) -> Duration? {
        guard let policy = resolutionPolicy(for: grievance) else { return nil }
        let remote = [grievance.leadUnit, grievance.authority].contains { id in id.flatMap { book.directory[$0] }?.isRemote ?? false }
        return remote ? (policy.resolveRemote ?? policy.resolve) : policy.resolve
    }

    public func resolveDue(for grievance: Grievance, acceptedOn day: LocalDate) -> LocalDate? {
        limit(for: grievance).map { book.calendar.due(from: day, days: $0.days, working: $0.working) }
    }

    public func resumed(_ due: LocalDate, for grievance: Grievance, pausedSince since: LocalDate, until day: LocalDate) -> LocalDate {
        guard since < day else { return due }
        let calendar = book.calendar
        if limit(for: grievance)?.working == true {
            // The working days the clock stood still are added as working days.
            var stood = 0
            var current = since
            while current < day {
                if calendar.isWorkingDay(current) { stood += 1 }
                current = current.adding(days: 1)
            }
            return calendar.due(from: due, days: stood, working: true)
        }
        // Calendar days, and a date that falls on a rest day moves to the next working day.
        return calendar.due(from: due, days: since.days(until: day), working: false)
    }
}
