internal import CSQLite

/// A prepared statement, cached by its connection and reset before each use.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    private unowned let connection: Connection

    init(handle: OpaquePointer, sql: String, connection: Connection) {
        self.handle = handle
        self.sql = sql
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ values: [SQLValue]) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == values.count else {
            throw SQLiteError(code: 25, extendedCode: 25,
                              message: "statement expects \(expected) parameters, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// One parameter, its text and blob bytes copied by SQLite.
    private func bind(_ value: SQLValue, at index: Int32) throws(SQLiteError) {
        let rc: Int32
        switch value {
        case .null:
            rc = sqlite3_bind_null(handle, index)
        case let .integer(i):
            rc = sqlite3_bind_int64(handle, index, i)
        case let .real(d):
            rc = sqlite3_bind_double(handle, index, d)
        case let .text(s):
            // Bind the exact UTF-8 bytes with their length: no re-encoding, NUL bytes kept.
            var copy = s
            rc = copy.withUTF8 { buffer -> Int32 in
                guard let base = buffer.baseAddress, buffer.count > 0 else {
                    // A nil pointer would bind NULL; an empty string must stay an empty string.
                    return sqlite3_bind_text(handle, index, "", 0, danvan_sqlite_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    sqlite3_bind_text(handle, index, chars, Int32(buffer.count), danvan_sqlite_transient())
                }
            }
        case let .blob(bytes):
            rc = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                  Int32(buffer.count), danvan_sqlite_transient())
            }
        }
        guard rc == SQLITE_OK else { throw connection.error(rc, sql: sql) }
    }

    func reset() { sqlite3_reset(handle) }

    /// Column `index` of the current row as an integer.
    func integer(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Binds and runs a statement that returns no rows.
    func run(_ values: [SQLValue]) throws(SQLiteError) {
        try bind(values)
        while try step() {}
    }

    /// Runs a statement that returns no rows with `first` as parameter 1 and `row` as the
    /// parameters after it. `row`'s bytes are bound in place (no copy), so they are bound,
    /// stepped and unbound while its buffer is pinned.
    func run(first: SQLValue, _ row: PackedRow) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == row.values.count + 1 else {
            throw SQLiteError(code: 25, extendedCode: 25,
                              message: "statement expects \(expected) parameters, got \(row.values.count + 1)", sql: sql)
        }
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        try bind(first, at: 1)
        let failure: SQLiteError? = row.bytes.withUnsafeBufferPointer { buffer -> SQLiteError? in
            // A valid pointer even for an empty buffer: a nil one would bind NULL.
            let base = UnsafeRawPointer(buffer.baseAddress) ?? UnsafeRawPointer(bitPattern: 1)!
            for (offset, value) in row.values.enumerated() {
                let index = Int32(offset + 2)
                let rc: Int32
                switch value {
                case .null: rc = sqlite3_bind_null(handle, index)
                case let .integer(number): rc = sqlite3_bind_int64(handle, index, number)
                case let .text(start, count):
                    rc = sqlite3_bind_text(handle, index, (base + start).assumingMemoryBound(to: CChar.self), Int32(count),
                                           danvan_sqlite_static())
                }
                guard rc == SQLITE_OK else {
                    sqlite3_clear_bindings(handle)
                    return connection.error(rc, sql: sql)
                }
            }
            var rc = sqlite3_step(handle)
            while rc == SQLITE_ROW { rc = sqlite3_step(handle) }
            // The error (a unique violation, say) is read before the reset that clears it.
            let failure = rc == SQLITE_DONE ? nil : connection.error(rc, sql: sql)
            // Nothing may point into the buffer once it is unpinned.
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            return failure
        }
        if let failure { throw failure }
    }

    /// Steps once; true while a row is available.
    func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = connection.error(rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Made once per prepared statement: its columns do not change (a schema change re-prepares
    /// the statement in SQLite, and migrations run before any statement is cached).
    private var columns: [String: Int]?

    func columnNames() -> [String: Int] {
        if let columns { return columns }
        var names: [String: Int] = [:]
        for i in 0..<sqlite3_column_count(handle) {
            names[String(cString: sqlite3_column_name(handle, i))] = Int(i)
        }
        columns = names
        return names
    }

    func currentRow(columns: [String: Int]) -> Row {
        let count = sqlite3_column_count(handle)
        var values: [SQLValue] = []
        values.reserveCapacity(Int(count))
        for i in 0..<count {
            switch sqlite3_column_type(handle, i) {
            case SQLITE_INTEGER:
                values.append(.integer(sqlite3_column_int64(handle, i)))
            case SQLITE_FLOAT:
                values.append(.real(sqlite3_column_double(handle, i)))
            case SQLITE_TEXT:
                let length = Int(sqlite3_column_bytes(handle, i))
                if let bytes = sqlite3_column_text(handle, i) {
                    values.append(.text(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)))
                } else {
                    values.append(.text(""))
                }
            case SQLITE_BLOB:
                let length = Int(sqlite3_column_bytes(handle, i))
                if let raw = sqlite3_column_blob(handle, i) {
                    values.append(.blob(Array(UnsafeRawBufferPointer(start: raw, count: length))))
                } else {
                    values.append(.blob([]))
                }
            default:
                values.append(.null)
            }
        }
        return Row(columns: columns, values: values)
    }
}
