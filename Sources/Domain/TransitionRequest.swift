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

    /// A field given for a status it means nothing for would be ignored while the person believes
    /// it was recorded: the first such field is refused, named as the front end calls it.
    public func checkFieldsUsed(naming name: (String) -> String = { $0 }) throws(FieldError) {
        let fields: [(name: String, given: Bool, targets: [Status])] = [
            ("unit", unit != nil, [.assigned, .transferred]),
            ("coordinating", !coordinatingUnits.isEmpty, [.assigned]),
            ("authority", authority != nil, [.transferred]),
            ("authority-due", authorityDue != nil, [.transferred]),
            ("into", mergedInto != nil, [.merged]),
            ("override-conflict", overrideConflict != nil, [.assigned, .transferred]),
        ]
        for field in fields where field.given && !field.targets.contains(to) {
            throw FieldError(field: field.name, message: "\(name(field.name)) chỉ dùng khi chuyển sang "
                + field.targets.map { "“\($0.vietnameseName)” (\($0.rawValue))" }.joined(separator: " hoặc ")
                + ", không dùng khi chuyển sang “\(to.vietnameseName)” (\(to.rawValue))")
        }
    }
}
