/// One numbered step of the schema. Never edit a migration that has shipped: add a new one.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String
    /// Work SQL text alone cannot do (reading a value first), run after `sql` in the same transaction.
    let apply: (@Sendable (Connection) throws -> Void)?

    init(version: Int, name: String, sql: String, apply: (@Sendable (Connection) throws -> Void)? = nil) {
        self.version = version
        self.name = name
        self.sql = sql
        self.apply = apply
    }
}
