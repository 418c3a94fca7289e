/// How the law's time limits are counted for a grievance. The rules and the working calendar know
/// (the Routing module implements it); the lifecycle asks when a grievance is accepted, since the
/// law counts the resolution period from acceptance (thụ lý), and when a paused clock restarts.
public protocol DeadlineClock: Sendable {
    /// The day by which `grievance`, received on `day`, must be accepted or refused; nil when no
    /// limit applies to it.
    func acceptDue(for grievance: Grievance, receivedOn day: LocalDate) -> LocalDate?
    /// The resolution date of `grievance` accepted on `day`; nil when no limit applies to it.
    func resolveDue(for grievance: Grievance, acceptedOn day: LocalDate) -> LocalDate?
    /// `due` pushed back by the time the clock stood still from `since` until `day`, counted as
    /// the grievance's limit counts (working days for a limit in working days).
    func resumed(_ due: LocalDate, for grievance: Grievance, pausedSince since: LocalDate, until day: LocalDate) -> LocalDate
}
