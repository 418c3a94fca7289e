public import Foundation
public import Domain
internal import Storage
internal import Secrets

extension Casework {
    /// A new API key for `login` (admins only), returned once: 256 random bits as 43 base64url
    /// characters, stored as its SHA-256. The client acts as that account, with its role and unit.
    public func createAPIKey(for login: String, as principal: Principal, at instant: Date) throws -> String {
        try require(access.canAdminister(as: principal), "quản lý khóa API", principal)
        var random = SecureRandom()
        let bytes = (0..<4).flatMap { _ in withUnsafeBytes(of: random.next().littleEndian, Array.init) }
        let key = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        try database.write { connection in
            guard let user = try AccountStore.find(login, in: connection) else {
                throw FieldError(field: "login", message: "không có người dùng '\(login)'")
            }
            guard !user.disabled else { throw FieldError(field: "login", message: "tài khoản '\(login)' đã bị khóa") }
            try APIKeyStore.insert(hash: Digest.sha256Hex(key), login: login, at: instant, in: connection)
            try AccountStore.record(AuditEntry(at: instant, login: principal.login, action: "api-key-add", subject: login),
                                    in: connection)
        }
        return key
    }

    /// Revokes every API key of `login` (admins only); returns how many were live.
    public func revokeAPIKeys(of login: String, as principal: Principal, at instant: Date) throws -> Int {
        try require(access.canAdminister(as: principal), "quản lý khóa API", principal)
        return try database.write { connection in
            let count: Int
            do {
                count = try APIKeyStore.revokeAll(of: login, in: connection)
            } catch AccountError.unknownUser(let login) {
                throw FieldError(field: "login", message: "không có người dùng '\(login)'")
            }
            try AccountStore.record(AuditEntry(at: instant, login: principal.login, action: "api-key-revoke", subject: login,
                                               detail: "\(count) khóa"), in: connection)
            return count
        }
    }

    /// The account an API key acts as. An unknown or revoked key, and the key of a disabled or
    /// deleted account, are refused alike (`CaseworkError.badAPIKey`).
    public func principal(apiKey: String) throws -> Principal {
        let hash = Digest.sha256Hex(apiKey)
        let user = try database.read { connection -> User? in
            guard let login = try APIKeyStore.login(hash: hash, in: connection) else { return nil }
            return try AccountStore.find(login, in: connection)
        }
        guard let user, !user.disabled else { throw CaseworkError.badAPIKey }
        return user.principal
    }
}
