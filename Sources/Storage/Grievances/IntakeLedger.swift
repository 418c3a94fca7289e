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
    @discardableResult
    public static func quarantine(source: String, reason: String, raw: [UInt8], key: String, at instant: Date,
                                  in connection: Connection) throws -> Bool {
        try connection.run("INSERT OR IGNORE INTO quarantine (key, source, reason, raw, at) VALUES (?, ?, ?, ?, ?)",
                           [.text(key), .text(source), .text(reason), .blob(raw), .text(Timestamp.format(instant))]) > 0
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
