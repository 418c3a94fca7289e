public import Foundation
public import Domain

/// What imports write besides grievances, always inside the caller's batch transaction: the keys
/// of records taken in (so a second import of the same file adds nothing), the quarantine, the
/// attachments, and follow-up events on existing grievances.
public enum IntakeLedger {
    static let findKeySQL = "SELECT grievance_id FROM intake_keys WHERE key = ?"
    static let insertKeySQL = "INSERT INTO intake_keys (key, grievance_id) VALUES (?, ?)"

    /// The grievance a record with this key became, if it was taken in before.
    public static func grievanceID(forKey key: String, in connection: Connection) throws -> Int64? {
        try grievanceID(for: IntakeKey(key), in: connection)
    }

    public static func grievanceID(for key: IntakeKey, in connection: Connection) throws -> Int64? {
        try connection.queryOne(findKeySQL, [.blob(key.bytes)])?.int("grievance_id").map(Int64.init)
    }


    /// Keeps a rejected record; the same record rejected again (a second import) is kept once.
    /// Whether the record was quarantined now: false when the same record (place and bytes) already was.
    /// With `replacing` (a retry) a record kept before takes the new reason and time, and counts as quarantined.
    @discardableResult
    public static func quarantine(source: String, reason: String, raw: [UInt8], key: String, at instant: Date,
                                  format: String? = nil, header: [UInt8]? = nil, delimiter: UInt8? = nil,
                                  dateOrder: String? = nil, replacing: Bool = false,
                                  in connection: Connection) throws -> Bool {
        let conflict = replacing ? "ON CONFLICT(key) DO UPDATE SET reason = excluded.reason, at = excluded.at" : "ON CONFLICT(key) DO NOTHING"
        return try connection.run("""
            INSERT INTO quarantine (key, source, reason, raw, at, format, header, delimiter, date_order)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) \(conflict)
            """, [.text(key), .text(source), .text(reason), .blob(raw), .text(Timestamp.format(instant)), SQLValue(format),
                  header.map { .blob($0) } ?? .null, SQLValue(delimiter.map(Int.init)), SQLValue(dateOrder)]) > 0
    }

    /// Takes a record out of the quarantine (it was taken in on a retry).
    public static func removeQuarantined(key: String, in connection: Connection) throws {
        _ = try connection.run("DELETE FROM quarantine WHERE key = ?", [.text(key)])
    }

    /// Quarantined records, oldest first: those with `ids`, or all of them. `previewBytes` limits
    /// the bytes read of each (0: all).
    public static func quarantined(ids: [Int64]? = nil, previewBytes: Int = 0, in connection: Connection) throws -> [QuarantinedRecord] {
        let raw = previewBytes > 0 ? "substr(raw, 1, \(previewBytes)) AS raw" : "raw"
        var sql = "SELECT id, source, reason, \(raw), format, header, delimiter, date_order FROM quarantine"
        if let ids { sql += " WHERE id IN (\(ids.map(String.init).joined(separator: ",")))" }
        return try connection.query(sql + " ORDER BY id").map { row in
            func bytes(_ name: String) -> [UInt8]? {
                switch row[name] {
                case let .blob(b): b
                case let .text(t): Array(t.utf8)
                default: nil
                }
            }
            return QuarantinedRecord(id: Int64(row.int("id") ?? 0), source: row.string("source") ?? "",
                                     reason: row.string("reason") ?? "", raw: bytes("raw") ?? [], format: row.string("format"),
                                     header: bytes("header"), delimiter: row.int("delimiter").map { UInt8(truncatingIfNeeded: $0) },
                                     dateOrder: row.string("date_order"))
        }
    }

    public static func quarantineCount(in connection: Connection) throws -> Int {
        try connection.queryOne("SELECT count(*) AS n FROM quarantine")?.int("n") ?? 0
    }

    public static func addAttachment(grievanceID: Int64, eventSequence: Int, name: String?, type: String, content: [UInt8],
                                     sha256: String, in connection: Connection) throws {
        try connection.run("""
            INSERT INTO attachments (grievance_id, event_sequence, name, type, size, sha256, content)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.integer(grievanceID), SQLValue(eventSequence), SQLValue(name), .text(type), SQLValue(content.count),
                  .text(sha256), .blob(content)])
    }

    public static func grievanceID(for code: TrackingCode, in connection: Connection) throws -> Int64? {
        try connection.queryOne("SELECT id FROM grievances WHERE tracking_code = ?", [.text(code.value)])?.int("id").map(Int64.init)
    }

    public static func trackingCode(ofGrievance id: Int64, in connection: Connection) throws -> TrackingCode? {
        try connection.queryOne("SELECT tracking_code FROM grievances WHERE id = ?", [.integer(id)])?.string("tracking_code")
            .flatMap(TrackingCode.init(parsing:))
    }

    /// Appends a "follow-up" event (the citizen wrote again about the same matter); returns its sequence.
    @discardableResult
    public static func appendFollowUp(grievanceID: Int64, at instant: Date, actor: String?, details: [String: String],
                                      in connection: Connection) throws -> Int {
        let last = try connection.queryOne("SELECT max(sequence) AS n FROM grievance_events WHERE grievance_id = ?",
                                           [.integer(grievanceID)])?.int("n") ?? 0
        let event = GrievanceEvent(sequence: last + 1, at: instant, type: .followUp, actor: actor, details: details)
        try connection.run(GrievanceEvent.insertSQL, event.columnValues(grievanceID: grievanceID))
        try connection.run("UPDATE grievances SET updated_at = ? WHERE id = ?", [.text(Timestamp.format(instant)), .integer(grievanceID)])
        return last + 1
    }
}
