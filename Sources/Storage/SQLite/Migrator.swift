import Foundation
/// Brings a database file to the latest schema, one migration per transaction, recording the
/// version in `PRAGMA user_version` inside the same transaction.
public enum Migrator {
    public static var latestVersion: Int { Schema.migrations.last?.version ?? 0 }

    static func currentVersion(_ connection: Connection) throws(SQLiteError) -> Int {
        try connection.queryOne("PRAGMA user_version")?.int("user_version") ?? 0
    }

    /// Each step reads the version inside its own write transaction, so two processes opening an
    /// old file at once apply every migration once: the second waits for the first's transaction
    /// (busy timeout), then finds the version moved on and skips it.
    static func migrate(_ connection: Connection, upTo target: Int? = nil) throws {
        let limit = target ?? latestVersion
        // An up-to-date file needs no write lock (an import in another process may hold it).
        let seen = try retryingWhileBusy { try currentVersion(connection) }
        if seen > latestVersion {
            throw SQLiteError(code: 1, extendedCode: 1, message: "the database is at schema version \(seen), newer than this "
                                  + "program knows (\(latestVersion)); use a newer danvan", sql: nil)
        }
        if seen >= limit { return }
        while true {
            let applied = try retryingWhileBusy { try connection.transaction { connection -> Bool in
                let current = try currentVersion(connection)
                guard current <= latestVersion else {
                    throw SQLiteError(code: 1, extendedCode: 1,
                                      message: "the database is at schema version \(current), newer than this program "
                                          + "knows (\(latestVersion)); use a newer danvan", sql: nil)
                }
                guard let migration = Schema.migrations.first(where: { $0.version > current && $0.version <= limit }) else {
                    return false
                }
                try connection.execute(script: migration.sql)
                try migration.apply?(connection)
                // PRAGMA takes no parameters; the version is our own integer, not input.
                try connection.execute(script: "PRAGMA user_version = \(migration.version)")
                return true
            } }
            if !applied { return }
        }
    }

    /// Runs `body` again while SQLite answers "busy" where it calls no busy handler: another
    /// process opening the same file may be recovering its log or switching it to WAL.
    static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as SQLiteError where error.code == 5 && attempt < 1000 {
                attempt += 1
                usleep(10_000)
            }
        }
    }
}
