public import Foundation

/// One entry of a grievance's append-only history.
public struct GrievanceEvent: Sendable, Equatable, Codable {
    /// 1, 2, 3 … within one grievance.
    public var sequence: Int
    public var at: Date
    public var type: EventType
    public var fromStatus: Status?
    public var toStatus: Status?
    /// Who did it: a user name, "import", "system".
    public var actor: String?
    public var reason: String?
    /// Anything else worth keeping, as text: the unit assigned, the days the clock was paused …
    public var details: [String: String]

    public init(sequence: Int, at: Date, type: EventType, fromStatus: Status? = nil, toStatus: Status? = nil,
                actor: String? = nil, reason: String? = nil, details: [String: String] = [:]) {
        self.sequence = sequence
        self.at = at
        self.type = type
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.actor = actor
        self.reason = reason
        self.details = details
    }
}

extension Array where Element == GrievanceEvent {
    /// When the last event that changes the matter happened (`EventType.changesTheMatter`); nil without one.
    public var lastChange: Date? { last { $0.type.changesTheMatter }?.at }
}
