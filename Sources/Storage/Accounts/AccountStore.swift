public import Foundation
public import Domain

/// Users, the audit log and identity grants. Each method that changes something takes the
/// connection of a transaction the caller opened (`Database.write`), so that the change and its
/// audit line commit together.
public enum AccountStore {
    public static func insert(_ user: User, in connection: Connection) throws {
        do {
            _ = try connection.run("""
                INSERT INTO users (login, name, role, unit, password_hash, must_change_password, disabled, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(user.login), SQLValue(user.name), .text(user.role.rawValue), SQLValue(user.unit),
                      .text(user.passwordHash), SQLValue(user.mustChangePassword), SQLValue(user.disabled),
                      .text(Timestamp.format(user.createdAt)), .text(Timestamp.format(user.createdAt))])
        } catch where error.isUniqueViolation {
            throw AccountError.loginTaken(user.login)
        }
    }

    public static func find(_ login: String, in connection: Connection) throws -> User? {
        try connection.queryOne("SELECT * FROM users WHERE login = ?", [.text(login)]).map(user)
    }

    public static func all(in connection: Connection) throws -> [User] {
        try connection.query("SELECT * FROM users ORDER BY login").map(user)
    }

    public static func setDisabled(_ login: String, _ disabled: Bool, at instant: Date, in connection: Connection) throws {
        let changed = try connection.run("UPDATE users SET disabled = ?, updated_at = ? WHERE login = ?",
                                         [SQLValue(disabled), .text(Timestamp.format(instant)), .text(login)])
        if changed == 0 { throw AccountError.unknownUser(login) }
    }

    public static func setPassword(_ login: String, hash: String, mustChange: Bool, at instant: Date, in connection: Connection) throws {
        let changed = try connection.run(
            "UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE login = ?",
            [.text(hash), SQLValue(mustChange), .text(Timestamp.format(instant)), .text(login)])
        if changed == 0 { throw AccountError.unknownUser(login) }
    }

    private static func user(_ row: Row) throws -> User {
        let id = Int64(row.int("id") ?? 0)
        guard let login = row.string("login"), let role = row.string("role").flatMap(Role.init(rawValue:)),
              let hash = row.string("password_hash"), let created = row.string("created_at").flatMap(Timestamp.parse) else {
            throw StoreError.corruptRow(table: "users", id: id, field: "login, role, password_hash or created_at")
        }
        return User(login: login, name: row.string("name"), role: role, unit: row.string("unit"), passwordHash: hash,
                    mustChangePassword: row.int("must_change_password") == 1, disabled: row.int("disabled") == 1,
                    createdAt: created)
    }

    // MARK: Audit log

    public static func record(_ entry: AuditEntry, in connection: Connection) throws {
        _ = try connection.run("""
            INSERT INTO audit_log (at, login, action, tracking_code, subject, detail) VALUES (?, ?, ?, ?, ?, ?)
            """, [.text(Timestamp.format(entry.at)), .text(entry.login), .text(entry.action), SQLValue(entry.trackingCode),
                  SQLValue(entry.subject), SQLValue(entry.detail)])
    }

    /// Newest first.
    public static func audit(login: String?, trackingCode: String?, limit: Int, in connection: Connection) throws -> [AuditEntry] {
        try connection.query("""
            SELECT * FROM audit_log WHERE (?1 IS NULL OR login = ?1) AND (?2 IS NULL OR tracking_code = ?2)
            ORDER BY id DESC LIMIT ?3
            """, [SQLValue(login), SQLValue(trackingCode), SQLValue(limit)]).map { row in
            let id = Int64(row.int("id") ?? 0)
            guard let at = row.string("at").flatMap(Timestamp.parse), let login = row.string("login"),
                  let action = row.string("action") else {
                throw StoreError.corruptRow(table: "audit_log", id: id, field: "at, login or action")
            }
            return AuditEntry(at: at, login: login, action: action, trackingCode: row.string("tracking_code"),
                              subject: row.string("subject"), detail: row.string("detail"))
        }
    }

    // MARK: Identity grants

    public static func grantIdentity(_ code: TrackingCode, to login: String, reason: String, by granter: String, at instant: Date,
                                     in connection: Connection) throws {
        guard let id = try connection.queryOne("SELECT id FROM grievances WHERE tracking_code = ?", [.text(code.value)])?.int("id") else {
            throw StoreError.notFound(code)
        }
        _ = try connection.run("""
            INSERT INTO identity_grants (grievance_id, login, reason, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (grievance_id, login) DO UPDATE SET reason = excluded.reason, granted_by = excluded.granted_by,
                granted_at = excluded.granted_at
            """, [.integer(Int64(id)), .text(login), .text(reason), .text(granter), .text(Timestamp.format(instant))])
    }

    public static func hasIdentityGrant(_ code: TrackingCode, login: String, in connection: Connection) throws -> Bool {
        try connection.queryOne("""
            SELECT 1 AS granted FROM identity_grants g JOIN grievances v ON v.id = g.grievance_id
            WHERE v.tracking_code = ? AND g.login = ?
            """, [.text(code.value), .text(login)]) != nil
    }

    // MARK: Failed logins

    public static func recordFailure(keys: [String], at instant: Date, in connection: Connection) throws {
        for key in keys {
            _ = try connection.run("INSERT INTO login_failures (key, at) VALUES (?, ?)", [.text(key), .text(Timestamp.format(instant))])
        }
    }

    /// Failures of `key` since `since`.
    public static func failures(key: String, since: Date, in connection: Connection) throws -> Int {
        try connection.queryOne("SELECT count(*) AS n FROM login_failures WHERE key = ? AND at >= ?",
                                [.text(key), .text(Timestamp.format(since))])?.int("n") ?? 0
    }

    /// Forgets `key`'s failures (a successful login), and everyone's older than `before`.
    public static func clearFailures(key: String, olderThan before: Date, in connection: Connection) throws {
        _ = try connection.run("DELETE FROM login_failures WHERE key = ? OR at < ?", [.text(key), .text(Timestamp.format(before))])
    }
}
