/// One numbered step of the schema. Never edit a migration that has shipped: add a new one.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String
}
