/// A request to move a grievance to another status, with what that move needs.
public struct TransitionRequest: Sendable, Equatable {
    public var to: Status
    public var reason: String?
    /// The lead unit for `assigned`, or the receiving unit for `transferred`.
    public var unit: String?
    public var coordinatingUnits: [String]
    /// The external authority for `transferred` (e.g. "UBND phường Bảy Hiền").
    public var authority: String?
    /// The authority's own legal deadline, when a transfer carries one.
    public var authorityDue: LocalDate?
    /// The grievance this one duplicates, for `merged`.
    public var mergedInto: TrackingCode?
    /// Why a unit the denunciation names is given it all the same; kept with the event.
    public var overrideConflict: String?

    public init(to: Status, reason: String? = nil, unit: String? = nil, coordinatingUnits: [String] = [],
                authority: String? = nil, authorityDue: LocalDate? = nil, mergedInto: TrackingCode? = nil,
                overrideConflict: String? = nil) {
        self.overrideConflict = overrideConflict
        self.to = to
        self.reason = reason
        self.unit = unit
        self.coordinatingUnits = coordinatingUnits
        self.authority = authority
        self.authorityDue = authorityDue
        self.mergedInto = mergedInto
    }
}
