import Foundation
import Domain
import JSONText

/// Mapping between `Grievance`/`GrievanceEvent` and their rows.
extension Grievance {
    static let insertSQL = """
        INSERT INTO grievances (tracking_code, kind, channel, status, text, submitter_name, submitter_address,
            submitter_phone, submitter_email, confidential, received_at, province_code, commune_code, residential,
            topic, lead_unit, authority, due_accept, due_resolve, due_authority, paused_since, paused_days,
            merged_into, updated_at, rule_id, rules_version, deadline_policy, office)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let updateSQL = """
        UPDATE grievances SET kind = ?, channel = ?, status = ?, text = ?, submitter_name = ?, submitter_address = ?,
            submitter_phone = ?, submitter_email = ?, confidential = ?, received_at = ?, province_code = ?,
            commune_code = ?, residential = ?, topic = ?, lead_unit = ?, authority = ?, due_accept = ?,
            due_resolve = ?, due_authority = ?, paused_since = ?, paused_days = ?, merged_into = ?, updated_at = ?,
            rule_id = ?, rules_version = ?, deadline_policy = ?, office = ?
        WHERE tracking_code = ?
        """

    /// Column values in the order of `updateSQL` (without the tracking code).
    func mutableColumnValues(updatedAt: Date) -> [SQLValue] {
        var values: [SQLValue] = []
        values.reserveCapacity(27)
        appendMutableColumns(updatedAt: updatedAt, to: &values)
        return values
    }

    /// The columns of `mutableColumnValues`, into any sink: the import packs them into one buffer.
    func appendMutableColumns<Sink: ColumnSink>(updatedAt: Date, to row: inout Sink) {
        row.append(kind.rawValue); row.append(channel.rawValue); row.append(status.rawValue); row.append(text)
        row.append(submitter.name); row.append(submitter.address); row.append(submitter.phone); row.append(submitter.email)
        row.append(submitter.confidential)
        row.appendText { Timestamp.append(receivedAt, to: &$0) }
        row.append(place.provinceCode); row.append(place.communeCode); row.append(place.residential)
        row.append(topic); row.append(leadUnit); row.append(authority)
        func append(_ date: LocalDate?) {
            if let date { row.appendText { date.appendISO(to: &$0) } } else { row.appendNull() }
        }
        append(deadlines.accept); append(deadlines.resolve); append(deadlines.authority); append(deadlines.pausedSince)
        row.append(deadlines.pausedDays); row.append(mergedInto?.value)
        row.appendText { Timestamp.append(updatedAt, to: &$0) }
        row.append(routing?.rule); row.append(routing?.rulesVersion); row.append(routing?.deadlinePolicy)
        row.append(office)
    }

    init(row: Row, coordinatingUnits: [String]) throws(StoreError) {
        let id = Int64(row.int("id") ?? 0)
        func required<T>(_ field: String, _ parse: (String) -> T?) throws(StoreError) -> T {
            guard let text = row.string(field), let value = parse(text) else {
                throw .corruptRow(table: "grievances", id: id, field: field)
            }
            return value
        }
        func optionalDate(_ field: String) throws(StoreError) -> LocalDate? {
            guard let text = row.string(field) else { return nil }
            guard let date = LocalDate(iso: text) else { throw .corruptRow(table: "grievances", id: id, field: field) }
            return date
        }
        let code: TrackingCode = try required("tracking_code", TrackingCode.init(parsing:))
        let draft = GrievanceDraft(
            kind: try required("kind", Kind.init(rawValue:)),
            channel: try required("channel", Channel.init(rawValue:)),
            text: row.string("text") ?? "",
            submitter: Submitter(name: row.string("submitter_name"), address: row.string("submitter_address"),
                                 phone: row.string("submitter_phone"), email: row.string("submitter_email"),
                                 confidential: row.int("confidential") == 1),
            receivedAt: try required("received_at", Timestamp.parse),
            place: Place(provinceCode: row.string("province_code"), communeCode: row.string("commune_code"),
                         residential: row.string("residential")))
        self.init(trackingCode: code, draft: draft)
        office = row.string("office")
        submitter.confidential = row.int("confidential") == 1
        status = try required("status", Status.init(rawValue:))
        topic = row.string("topic")
        leadUnit = row.string("lead_unit")
        self.coordinatingUnits = coordinatingUnits
        authority = row.string("authority")
        deadlines = Deadlines(accept: try optionalDate("due_accept"), resolve: try optionalDate("due_resolve"),
                              authority: try optionalDate("due_authority"),
                              pausedSince: try optionalDate("paused_since"), pausedDays: row.int("paused_days") ?? 0)
        if let rule = row.string("rule_id") {
            routing = RoutingRecord(rule: rule, rulesVersion: row.string("rules_version") ?? "",
                                    deadlinePolicy: row.string("deadline_policy"))
        }
        if let merged = row.string("merged_into") {
            guard let into = TrackingCode(parsing: merged) else {
                throw .corruptRow(table: "grievances", id: id, field: "merged_into")
            }
            mergedInto = into
        }
    }
}

extension GrievanceEvent {
    static let insertSQL = """
        INSERT INTO grievance_events (grievance_id, sequence, at, type, from_status, to_status, actor, reason, details)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    func columnValues(grievanceID: Int64) -> [SQLValue] {
        var values: [SQLValue] = [.integer(grievanceID)]
        values.reserveCapacity(9)
        appendColumns(to: &values)
        return values
    }

    /// The columns of `columnValues` after the grievance id, into any sink.
    func appendColumns<Sink: ColumnSink>(to row: inout Sink) {
        row.append(Int64(sequence))
        row.appendText { Timestamp.append(at, to: &$0) }
        row.append(type.rawValue); row.append(fromStatus?.rawValue); row.append(toStatus?.rawValue)
        row.append(actor); row.append(reason)
        row.appendText { GrievanceEvent.appendDetails(details, to: &$0) }
    }

    init(row: Row) throws(StoreError) {
        let id = Int64(row.int("id") ?? 0)
        guard let at = row.string("at").flatMap(Timestamp.parse) else {
            throw .corruptRow(table: "grievance_events", id: id, field: "at")
        }
        guard let type = row.string("type").flatMap(EventType.init(rawValue:)) else {
            throw .corruptRow(table: "grievance_events", id: id, field: "type")
        }
        // Details that do not decode, or a status this program does not know, are an error to
        // report, never an empty history that hides what happened.
        var details: [String: String] = [:]
        if let text = row.string("details") {
            // Read by hand: a JSONDecoder per event cost more than the rest of loading a grievance.
            let bytes = Array(text.utf8)
            guard let members = bytes.withUnsafeBufferPointer({ try? StrictJSONReader.members(of: $0) })
            else { throw .corruptRow(table: "grievance_events", id: id, field: "details") }
            for (name, value) in members {
                guard case let .string(value) = value, details.updateValue(value, forKey: name) == nil else {
                    throw .corruptRow(table: "grievance_events", id: id, field: "details")
                }
            }
        }
        func status(_ field: String) throws(StoreError) -> Status? {
            guard let text = row.string(field) else { return nil }
            guard let status = Status(rawValue: text) else { throw .corruptRow(table: "grievance_events", id: id, field: field) }
            return status
        }
        self.init(sequence: row.int("sequence") ?? 0, at: at, type: type,
                  fromStatus: try status("from_status"), toStatus: try status("to_status"),
                  actor: row.string("actor"), reason: row.string("reason"), details: details)
    }

    /// A JSON object with sorted keys, written by hand as UTF-8 bytes: one per stored event, and
    /// JSONEncoder (or appending scalars to a String) was a tenth of an import's time.
    static func encodeDetails(_ details: [String: String]) -> String {
        var json: [UInt8] = []
        appendDetails(details, to: &json)
        return String(decoding: json, as: UTF8.self)
    }

    /// `encodeDetails`'s bytes appended to a buffer.
    static func appendDetails(_ details: [String: String], to json: inout [UInt8]) {
        JSONByteWriter.appendObject(details, to: &json)
    }
}
