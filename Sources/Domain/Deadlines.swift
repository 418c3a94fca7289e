/// The dates by which a grievance must be accepted and resolved, and the paused clock.
///
/// Routing sets the dates from the rules and the calendar; the lifecycle moves them when the
/// clock pauses while waiting for the citizen.
public struct Deadlines: Sendable, Equatable, Codable {
    public var accept: LocalDate?
    public var resolve: LocalDate?
    /// The external authority's own legal deadline after a transfer.
    public var authority: LocalDate?
    /// Set while waiting for the citizen: the day the clock stopped.
    public var pausedSince: LocalDate?
    /// Calendar days the resolution clock has stood still in total.
    public var pausedDays: Int

    public init(accept: LocalDate? = nil, resolve: LocalDate? = nil, authority: LocalDate? = nil,
                pausedSince: LocalDate? = nil, pausedDays: Int = 0) {
        self.accept = accept
        self.resolve = resolve
        self.authority = authority
        self.pausedSince = pausedSince
        self.pausedDays = pausedDays
    }

    /// Stops the clock on `day`.
    mutating func pause(on day: LocalDate) {
        if pausedSince == nil { pausedSince = day }
    }

    /// Restarts the clock on `day` and pushes the resolution date back by the days it stood still.
    /// Returns the number of days added.
    @discardableResult
    mutating func resume(on day: LocalDate) -> Int {
        guard let since = pausedSince else { return 0 }
        let days = max(0, since.days(until: day))
        pausedSince = nil
        pausedDays += days
        resolve = resolve?.adding(days: days)
        return days
    }
}
