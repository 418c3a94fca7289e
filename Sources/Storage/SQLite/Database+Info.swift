import Foundation
internal import CSQLite

extension Database {
    /// The SQLite library's version, e.g. "3.40.1".
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// The schema version of the file at `path` without changing it; 0 when there is no file yet.
    public static func existingSchemaVersion(at path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        do {
            let connection = try Connection(path: path, readOnly: true)
            connection.pollWhenBusy(timeoutMilliseconds: 10_000)
            return try Migrator.retryingWhileBusy { try Migrator.currentVersion(connection) }
        } catch let error as SQLiteError where error.code == 26 {
            throw DatabaseOpenError.notADatabase(path: path)
        }
    }
}
