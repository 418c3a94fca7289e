import Intake
/// What an import did, as `danvan import` prints it at the end.
public struct ImportSummary: Sendable, Equatable {
    /// New grievances.
    public var imported = 0
    /// Records taken in before (same Message-ID, same row content), skipped; also bad records
    /// already in the quarantine from an earlier import of the same file.
    public var duplicates = 0
    /// Replies added as events to the grievance they answer.
    public var followups = 0
    /// Records that could not be taken in, put in the quarantine table by this import.
    public var quarantined = 0

    public init() {}

    mutating func add(_ other: ImportSummary) {
        imported += other.imported
        duplicates += other.duplicates
        followups += other.followups
        quarantined += other.quarantined
    }
}
