public import Foundation
public import Domain
public import JSONText

/// A grievance as scripts read it, on the command line and through the API alike: snake_case
/// keys in sorted order, absent values as null, dates ISO 8601. It prints what it is given:
/// Casework has already decided what the acting principal may see.
public struct GrievanceJSON: Sendable {
    public let grievance: Grievance
    public let events: [GrievanceEvent]?
    /// The day `overdue` is judged on (today in Vietnam unless a test says otherwise).
    public let today: LocalDate

    public init(grievance: Grievance, events: [GrievanceEvent]?, today: LocalDate = LocalDate(Date())) {
        self.grievance = grievance
        self.events = events
        self.today = today
    }

    /// One JSON object, no line end.
    public var bytes: [UInt8] {
        var json = JSONByteWriter(capacity: 1024 + grievance.text.utf8.count)
        write(to: &json)
        return json.bytes
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func write(to json: inout JSONByteWriter) {
        let g = grievance
        json.raw("{\"authority\":"); json.string(g.authority)
        json.raw(",\"channel\":"); json.string(g.channel.rawValue)
        json.raw(",\"clock_paused\":"); json.bool(g.deadlines.pausedSince != nil)
        json.raw(",\"commune\":"); json.string(g.place.communeCode)
        json.raw(",\"confidential\":"); json.bool(g.submitter.confidential)
        json.raw(",\"coordinating_units\":"); json.stringArray(g.coordinatingUnits)
        json.raw(",\"due_accept\":"); json.string(g.deadlines.accept?.iso)
        json.raw(",\"due_authority\":"); json.string(g.deadlines.authority?.iso)
        json.raw(",\"due_resolve\":"); json.string(g.deadlines.resolve?.iso)
        if let events {
            json.raw(",\"events\":[")
            var first = true
            for event in events {
                json.separator(&first)
                GrievanceJSON.write(event, to: &json)
            }
            json.raw("]")
        }
        json.raw(",\"kind\":"); json.string(g.kind.rawValue)
        json.raw(",\"lead_unit\":"); json.string(g.leadUnit)
        json.raw(",\"merged_into\":"); json.string(g.mergedInto?.value)
        json.raw(",\"overdue\":"); json.bool(g.isOverdue(on: today))
        json.raw(",\"paused_days\":"); json.int(g.deadlines.pausedDays)
        json.raw(",\"province\":"); json.string(g.place.provinceCode)
        json.raw(",\"received_at\":"); json.string(Timestamp.format(g.receivedAt))
        json.raw(",\"residential\":"); json.string(g.place.residential)
        json.raw(",\"rule\":"); json.string(g.routing?.rule)
        json.raw(",\"rules_version\":"); json.string(g.routing?.rulesVersion)
        json.raw(",\"status\":"); json.string(g.status.rawValue)
        json.raw(",\"submitter\":")
        let s = g.submitter
        if s.isAnonymous && s.address == nil && s.phone == nil && s.email == nil {
            json.null()
        } else {
            json.raw("{\"address\":"); json.string(s.address)
            json.raw(",\"email\":"); json.string(s.email)
            json.raw(",\"name\":"); json.string(s.name)
            json.raw(",\"phone\":"); json.string(s.phone)
            json.raw("}")
        }
        json.raw(",\"text\":"); json.string(g.text)
        json.raw(",\"topic\":"); json.string(g.topic)
        json.raw(",\"tracking_code\":"); json.string(g.trackingCode.value)
        json.raw("}")
    }

    static func write(_ event: GrievanceEvent, to json: inout JSONByteWriter) {
        json.raw("{\"actor\":"); json.string(event.actor)
        json.raw(",\"at\":"); json.string(Timestamp.format(event.at))
        json.raw(",\"details\":"); json.stringMap(event.details)
        json.raw(",\"from_status\":"); json.string(event.fromStatus?.rawValue)
        json.raw(",\"reason\":"); json.string(event.reason)
        json.raw(",\"sequence\":"); json.int(event.sequence)
        json.raw(",\"to_status\":"); json.string(event.toStatus?.rawValue)
        json.raw(",\"type\":"); json.string(event.type.rawValue)
        json.raw("}")
    }
}
