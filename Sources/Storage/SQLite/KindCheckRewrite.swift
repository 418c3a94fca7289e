/// Migration 6. `CHECK (kind IN (...))` made SQLite fill a temporary table with the five kinds
/// for every inserted grievance, a sixth of the cost of an import's insert. SQLite cannot alter a
/// CHECK, and rebuilding the table would rewrite every row; instead the table's SQL text is edited
/// in place, the procedure SQLite documents for changes that leave the stored rows valid
/// (https://sqlite.org/lang_altertable.html#otheralter): the new check accepts exactly the rows
/// the old one did.
enum KindCheckRewrite {
    static let old = "CHECK (kind IN ('phan-anh','kien-nghi','khieu-nai','to-cao','y-kien'))"
    static let new = "CHECK (kind = 'phan-anh' OR kind = 'kien-nghi' OR kind = 'khieu-nai' OR kind = 'to-cao' OR kind = 'y-kien')"

    @Sendable static func apply(_ connection: Connection) throws {
        let version = try connection.queryOne("PRAGMA schema_version")?.int("schema_version") ?? 0
        try connection.execute(script: "PRAGMA writable_schema = ON")
        do {
            let changed = try connection.run(
                "UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'grievances' AND instr(sql, ?) > 0",
                [.text(old), .text(new), .text(old)])
            guard changed == 1 else {
                throw SQLiteError(code: 1, extendedCode: 1, message: "migration 6: the grievances table's kind check "
                                  + "is not the one migration 1 wrote; the file was changed by hand", sql: nil)
            }
            // Other connections see the new schema_version and read the edited text again.
            try connection.execute(script: "PRAGMA schema_version = \(version + 1)")
        } catch {
            try? connection.execute(script: "PRAGMA writable_schema = OFF")
            throw error
        }
        try connection.execute(script: "PRAGMA writable_schema = OFF")
    }
}
