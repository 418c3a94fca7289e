import Foundation
import Domain

/// A grievance as scripts read it: snake_case keys, absent values as null, dates ISO 8601.
/// It prints what it is given: Casework has already decided what the acting principal may see
/// (a protected submitter redacted unless they may and asked to see it).
struct GrievanceJSON: Encodable {
    let grievance: Grievance
    let events: [GrievanceEvent]?

    private enum Keys: String, CodingKey {
        case trackingCode = "tracking_code", kind, channel, status, text, submitter, confidential
        case receivedAt = "received_at", province, commune, residential, topic
        case leadUnit = "lead_unit", coordinatingUnits = "coordinating_units", authority
        case dueAccept = "due_accept", dueResolve = "due_resolve", dueAuthority = "due_authority"
        case clockPaused = "clock_paused", pausedDays = "paused_days", mergedInto = "merged_into", events
        case rule, rulesVersion = "rules_version", overdue
    }

    private enum SubmitterKeys: String, CodingKey { case name, address, phone, email }

    private enum EventKeys: String, CodingKey {
        case sequence, at, type, fromStatus = "from_status", toStatus = "to_status", actor, reason, details
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let g = grievance
        try c.encode(g.trackingCode.value, forKey: .trackingCode)
        try c.encode(g.kind.rawValue, forKey: .kind)
        try c.encode(g.channel.rawValue, forKey: .channel)
        try c.encode(g.status.rawValue, forKey: .status)
        try c.encode(g.text, forKey: .text)
        if g.submitter.isAnonymous && g.submitter.address == nil && g.submitter.phone == nil && g.submitter.email == nil {
            try c.encodeNil(forKey: .submitter)
        } else {
            var s = c.nestedContainer(keyedBy: SubmitterKeys.self, forKey: .submitter)
            try s.encode(g.submitter.name, forKey: .name)
            try s.encode(g.submitter.address, forKey: .address)
            try s.encode(g.submitter.phone, forKey: .phone)
            try s.encode(g.submitter.email, forKey: .email)
        }
        try c.encode(g.submitter.confidential, forKey: .confidential)
        try c.encode(Timestamp.format(g.receivedAt), forKey: .receivedAt)
        try c.encode(g.place.provinceCode, forKey: .province)
        try c.encode(g.place.communeCode, forKey: .commune)
        try c.encode(g.place.residential, forKey: .residential)
        try c.encode(g.topic, forKey: .topic)
        try c.encode(g.leadUnit, forKey: .leadUnit)
        try c.encode(g.coordinatingUnits, forKey: .coordinatingUnits)
        try c.encode(g.authority, forKey: .authority)
        try c.encode(g.deadlines.accept?.iso, forKey: .dueAccept)
        try c.encode(g.deadlines.resolve?.iso, forKey: .dueResolve)
        try c.encode(g.deadlines.authority?.iso, forKey: .dueAuthority)
        try c.encode(g.deadlines.pausedSince != nil, forKey: .clockPaused)
        try c.encode(g.deadlines.pausedDays, forKey: .pausedDays)
        try c.encode(g.mergedInto?.value, forKey: .mergedInto)
        try c.encode(g.isOverdue(on: LocalDate(Date())), forKey: .overdue)
        try c.encode(g.routing?.rule, forKey: .rule)
        try c.encode(g.routing?.rulesVersion, forKey: .rulesVersion)
        if let events {
            var list = c.nestedUnkeyedContainer(forKey: .events)
            for event in events {
                var e = list.nestedContainer(keyedBy: EventKeys.self)
                try e.encode(event.sequence, forKey: .sequence)
                try e.encode(Timestamp.format(event.at), forKey: .at)
                try e.encode(event.type.rawValue, forKey: .type)
                try e.encode(event.fromStatus?.rawValue, forKey: .fromStatus)
                try e.encode(event.toStatus?.rawValue, forKey: .toStatus)
                try e.encode(event.actor, forKey: .actor)
                try e.encode(event.reason, forKey: .reason)
                try e.encode(event.details, forKey: .details)
            }
        }
    }
}
