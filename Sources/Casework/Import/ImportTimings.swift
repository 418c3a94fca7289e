import Intake
/// Where an import's time went, stage by stage (`danvan import --timings`). The preparing stage's
/// CPU time is summed over its worker threads, so it can exceed its wall time.
public struct ImportTimings: Sendable, Equatable {
    /// Reading and parsing the sources (the calling thread, waits excluded).
    public var read = StageClock()
    /// Finding places, classifying and routing.
    public var prepare = StageClock()
    /// Writing batches to the database.
    public var write = StageClock()
    /// The calling thread waiting for the other two stages.
    public var waiting = StageClock()

    public init() {}
}
