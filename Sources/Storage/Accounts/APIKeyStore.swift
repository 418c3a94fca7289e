public import Foundation
public import Domain

/// Accounts' API keys (for Open311 clients), kept only as their SHA-256 in hex: a copy of the
/// database hands out no working key. Changes take the connection of the caller's transaction,
/// so that they commit with their audit line.
public enum APIKeyStore {
    /// Stores a new key of `login`; the account must exist.
    public static func insert(hash: String, login: String, at instant: Date, in connection: Connection) throws {
        guard try AccountStore.find(login, in: connection) != nil else { throw AccountError.unknownUser(login) }
        _ = try connection.run("INSERT INTO api_keys (key_hash, login, created_at, revoked) VALUES (?, ?, ?, 0)",
                               [.text(hash), .text(login), .text(Timestamp.format(instant))])
    }

    /// The login whose key has this hash, unless the key was revoked; nil for an unknown hash.
    public static func login(hash: String, in connection: Connection) throws -> String? {
        try connection.queryOne("SELECT login FROM api_keys WHERE key_hash = ? AND revoked = 0", [.text(hash)])?.string("login")
    }

    /// Revokes every key of `login`; returns how many were live.
    public static func revokeAll(of login: String, in connection: Connection) throws -> Int {
        guard try AccountStore.find(login, in: connection) != nil else { throw AccountError.unknownUser(login) }
        return try connection.run("UPDATE api_keys SET revoked = 1 WHERE login = ? AND revoked = 0", [.text(login)])
    }
}
