/// An error from SQLite, with its extended result code and the statement that failed.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var extendedCode: Int32
    public var message: String
    public var sql: String?

    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (in: \(sql.prefix(200)))" }
        return text
    }

    /// SQLITE_CONSTRAINT_UNIQUE: here, a tracking code already taken.
    public var isUniqueViolation: Bool { extendedCode == 2067 }
}
