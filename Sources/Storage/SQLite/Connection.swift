internal import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// One SQLite connection. Not thread-safe by itself: `Database` owns it and only ever touches it
/// from its own serial queue, so the blocking C calls never run on Swift's cooperative pool.
public final class Connection {
    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]
    public let path: String

    init(path: String, readOnly: Bool = false) throws(SQLiteError) {
        var db: OpaquePointer?
        // NOMUTEX: the owning queue serialises access, so SQLite's own mutexes would be waste.
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            throw SQLiteError(code: rc, extendedCode: rc, message: "\(message): \(path)", sql: nil)
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
    }

    /// When another connection holds the lock, try again every 2 ms for up to `timeoutMilliseconds`
    /// (SQLite's own busy timeout backs off to 100 ms between tries, and would miss the short
    /// pauses a long import leaves between its steps).
    func pollWhenBusy(timeoutMilliseconds: Int32) {
        let tries = UnsafeMutableRawPointer(bitPattern: Int(timeoutMilliseconds / 2))
        sqlite3_busy_handler(handle, { limit, count in
            guard count < Int32(truncatingIfNeeded: Int(bitPattern: limit)) else { return 0 }
            usleep(2_000)
            return 1
        }, tries)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ rc: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: rc & 0xFF, extendedCode: sqlite3_extended_errcode(handle),
                    message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs SQL that takes no parameters and returns no rows (schema, pragmas); several statements allowed.
    public func execute(script sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw SQLiteError(code: rc & 0xFF, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// The cached statement for `sql`, for callers that run it many times in a row.
    func statement(_ sql: String) throws(SQLiteError) -> Statement { try prepared(sql) }

    private func prepared(_ sql: String) throws(SQLiteError) -> Statement {
        if let cached = statements[sql] { return cached }
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc, sql: sql) }
        let statement = Statement(handle: stmt, sql: sql, connection: self)
        statements[sql] = statement
        return statement
    }

    /// Runs one statement with bound parameters; returns the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ values: [SQLValue] = []) throws(SQLiteError) -> Int {
        let statement = try prepared(sql)
        try statement.bind(values)
        while try statement.step() {}
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and returns all its rows.
    public func query(_ sql: String, _ values: [SQLValue] = []) throws(SQLiteError) -> [Row] {
        let statement = try prepared(sql)
        try statement.bind(values)
        let columns = statement.columnNames()
        var rows: [Row] = []
        while try statement.step() {
            rows.append(statement.currentRow(columns: columns))
        }
        return rows
    }

    /// The first row of a query, or nil.
    public func queryOne(_ sql: String, _ values: [SQLValue] = []) throws(SQLiteError) -> Row? {
        let statement = try prepared(sql)
        try statement.bind(values)
        defer { sqlite3_reset(statement.handle) }
        guard try statement.step() else { return nil }
        return statement.currentRow(columns: statement.columnNames())
    }

    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in one read transaction: its queries see one snapshot of the database, and
    /// the read lock of the write-ahead log is taken once instead of once per statement.
    public func snapshot<T>(_ body: (Connection) throws -> T) throws -> T {
        // Prepared once and kept: a server reads thousands of times a second.
        try run("BEGIN DEFERRED")
        // A read-only transaction has nothing to keep or undo: ending it only releases the lock.
        defer { _ = try? run("COMMIT") }
        return try body(self)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// IMMEDIATE takes the write lock at the start, so two writers wait (busy timeout) instead of
    /// failing on a lock upgrade.

    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try execute(script: "BEGIN IMMEDIATE")
        do {
            let result = try body(self)
            try execute(script: "COMMIT")
            return result
        } catch {
            try? execute(script: "ROLLBACK")
            throw error
        }
    }
}
