public import Foundation
public import Domain
internal import Storage

/// What a citizen holding a tracking code may see: where their petition stands, the deadline
/// and the answer once there is one; no names, no units, no staff, nothing they did not write.
public struct PublicStatus: Sendable, Equatable {
    public var trackingCode: TrackingCode
    public var status: Status
    public var received: LocalDate
    public var dueResolve: LocalDate?
    /// The reason given when it was resolved, closed or rejected (the answer to the citizen).
    public var answer: String?
    /// The topic's id, which the citizen's service (Open311's service_code) named or routing chose.
    public var topic: String?
    /// The instant it was received, and of its last change (`EventType.changesTheMatter`).
    public var receivedAt: Date
    public var changedAt: Date
}

extension Casework {
    /// Needs no login: the tracking code is the citizen's key. Not audited (no personal data).
    public func publicStatus(_ code: TrackingCode) throws -> PublicStatus {
        guard let (grievance, events) = try database.read({ try GrievanceStore.load(code, in: $0) }) else {
            throw StoreError.notFound(code)
        }
        let answered: Set<Status> = [.resolved, .closed, .rejected]
        let answer = answered.contains(grievance.status)
            ? events.last { $0.toStatus.map(answered.contains) == true && $0.reason != nil }?.reason : nil
        return PublicStatus(trackingCode: grievance.trackingCode, status: grievance.status, received: LocalDate(grievance.receivedAt),
                            dueResolve: grievance.deadlines.resolve, answer: answer, topic: grievance.topic,
                            receivedAt: grievance.receivedAt, changedAt: events.lastChange ?? grievance.receivedAt)
    }
}
