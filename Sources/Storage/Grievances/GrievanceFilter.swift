public import Foundation
public import Domain

/// Which grievances a list shows.
public struct GrievanceFilter: Sendable {
    public var status: Status?
    /// Lead or coordinating unit.
    public var unit: String?
    public var limit: Int
    /// Only grievances late on this day (see `Overdue`).
    public var overdueOn: LocalDate?
    /// Who may see them: only those whose lead or a coordinating unit is one of these; nil, no limit.
    public var visibleToUnits: [String]?
    /// Only those registered by this office (a registrar's view).
    public var office: String?
    /// Only those after this one in the list's order (newest first): the API's cursor.
    public var after: (receivedAt: Date, trackingCode: TrackingCode)?
    /// Only those whose text contains these words as written.
    public var textContains: String?
    /// The text search leaves out grievances whose submitter is protected: a match on a stored,
    /// unredacted letter would tell whether it names someone, though the answer shows it redacted.
    public var textSearchSkipsProtected = true
    /// Only those in one of these statuses (with `status`, both must hold).
    public var statuses: [Status]?
    /// Only those of one of these topics.
    public var topics: [String]?
    /// Only those received at or after this instant.
    public var receivedFrom: Date?
    /// Only those received before this instant.
    public var receivedBefore: Date?

    public init(status: Status? = nil, unit: String? = nil, limit: Int = 1000, overdueOn: LocalDate? = nil) {
        self.status = status
        self.unit = unit
        self.limit = limit
        self.overdueOn = overdueOn
    }
}
