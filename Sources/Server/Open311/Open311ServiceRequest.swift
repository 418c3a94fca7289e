internal import Foundation
internal import Domain
internal import Routing
internal import Casework

/// A grievance as a GeoReport v2 service request, in two views.
///
/// Without an api_key (`publicView`), only what the citizen holding the code may see: its code,
/// open or closed, the service (topic), when it was received and last changed, and the resolve
/// deadline; never the text, the address, names or the unit handling it (Luật Tố cáo 2018 art. 47
/// for a denouncer, ordinary privacy for everyone else: anyone may send a code).
///
/// With an api_key (`staffView`), what that account may see through Casework, already redacted
/// there: also the description and the lead unit (agency_responsible).
enum Open311ServiceRequest {
    /// resolved, closed, rejected and merged are closed; the rest open (`Status.isOpen`: the
    /// statuses in which the resolution clock runs or may run again).
    static func status(_ status: Status) -> String { status.isOpen ? "open" : "closed" }

    static func publicView(_ status: PublicStatus, book: RuleBook) -> Open311Value {
        .fields(common(code: status.trackingCode, status: status.status, topic: status.topic, book: book)
            + times(received: status.receivedAt, changed: status.changedAt, due: status.dueResolve))
    }

    static func staffView(_ grievance: Grievance, changedAt: Date, book: RuleBook) -> Open311Value {
        var fields = common(code: grievance.trackingCode, status: grievance.status, topic: grievance.topic, book: book)
        fields.append(.init("description", .text(grievance.text)))
        fields.append(.init("agency_responsible", .text(grievance.leadUnit.map { book.directory[$0]?.name ?? $0 })))
        return .fields(fields + times(received: grievance.receivedAt, changed: changedAt, due: grievance.deadlines.resolve))
    }

    private static func common(code: TrackingCode, status: Status, topic: String?, book: RuleBook) -> [Open311Value.Field] {
        [
            .init("service_request_id", .text(code.value)),
            .init("status", .text(self.status(status))),
            .init("service_name", .text(topic.map { book.topics[$0]?.name ?? $0 })),
            .init("service_code", .text(topic)),
        ]
    }

    private static func times(received: Date, changed: Date, due: LocalDate?) -> [Open311Value.Field] {
        [
            .init("requested_datetime", .text(Open311Time.format(received))),
            .init("updated_datetime", .text(Open311Time.format(max(changed, received)))),
            .init("expected_datetime", .text(due.map(Open311Time.endOfDay))),
        ]
    }
}
