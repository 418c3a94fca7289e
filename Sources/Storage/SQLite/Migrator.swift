/// Brings a database file to the latest schema, one migration per transaction, recording the
/// version in `PRAGMA user_version` inside the same transaction.
public enum Migrator {
    public static var latestVersion: Int { Schema.migrations.last?.version ?? 0 }

    static func currentVersion(_ connection: Connection) throws(SQLiteError) -> Int {
        try connection.queryOne("PRAGMA user_version")?.int("user_version") ?? 0
    }

    static func migrate(_ connection: Connection, upTo target: Int? = nil) throws {
        let limit = target ?? latestVersion
        let current = try currentVersion(connection)
        guard current <= latestVersion else {
            throw SQLiteError(code: 1, extendedCode: 1,
                              message: "the database is at schema version \(current), newer than this program "
                                  + "knows (\(latestVersion)); use a newer danvan", sql: nil)
        }
        for migration in Schema.migrations where migration.version > current && migration.version <= limit {
            try connection.transaction { connection in
                try connection.execute(script: migration.sql)
                try migration.apply?(connection)
                // PRAGMA takes no parameters; the version is our own integer, not input.
                try connection.execute(script: "PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
