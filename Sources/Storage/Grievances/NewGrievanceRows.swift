public import Foundation
public import Domain

/// A new grievance as the rows it becomes: its own row, its events and its coordinating units,
/// every value formatted (timestamps, the events' JSON). Imports build these on their worker
/// threads so that the one thread that writes only binds and steps. A class of constants, so that
/// handing it from thread to thread retains it once rather than each of its parts.
public final class NewGrievanceRows: Sendable {
    public let grievance: Grievance
    /// The grievance's columns after the tracking code, in the order of `Grievance.insertSQL`.
    let columns: PackedRow
    /// Each event's columns after the grievance id, in the order of `GrievanceEvent.insertSQL`.
    let events: [PackedRow]

    /// The grievance with its "received" event (with `receivedDetails` added) and, when given, its
    /// routing and the event that explains it.
    public init(_ draft: GrievanceDraft, code: TrackingCode, routing: RoutingAssignment?, receivedDetails: [String: String],
                routedAt instant: Date) throws {
        try draft.validate()
        let fresh = Grievance(trackingCode: code, draft: draft)
        var received = fresh.receivedEvent
        received.details.merge(receivedDetails) { old, _ in old }
        var grievance = fresh
        var events = [received]
        if let routing {
            let (routed, event) = try fresh.routed(routing, at: instant, sequence: 2)
            grievance = routed
            events.append(event)
        }
        self.grievance = grievance
        var columns = PackedRow(columns: 26, bytes: grievance.text.utf8.count + 256)
        grievance.appendMutableColumns(updatedAt: grievance.receivedAt, to: &columns)
        self.columns = columns
        self.events = events.map { event in
            var row = PackedRow(columns: 8, bytes: 128)
            event.appendColumns(to: &row)
            return row
        }
    }
}
