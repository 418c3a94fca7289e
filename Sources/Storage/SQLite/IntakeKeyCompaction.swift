/// Migration 7: the keys of migration 5's table, hashed as `IntakeKey` does, into the new table;
/// then the old table goes. A file imported before still skips the same records.
enum IntakeKeyCompaction {
    @Sendable static func apply(_ connection: Connection) throws {
        let insert = try connection.statement("INSERT OR IGNORE INTO intake_keys (key, grievance_id) VALUES (?, ?)")
        for row in try connection.query("SELECT key, grievance_id FROM intake_keys_v5") {
            guard let key = row.string("key"), let id = row.int("grievance_id") else { continue }
            try insert.run([.blob(IntakeKey(key).bytes), .integer(Int64(id))])
        }
        try connection.execute(script: "DROP TABLE intake_keys_v5")
    }
}
