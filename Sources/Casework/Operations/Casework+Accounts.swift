public import Foundation
public import Domain
public import Storage
internal import Secrets

extension Casework {
    /// A new account. Without `password` a one-time password is made, returned once, and must be
    /// changed at the first login. The change and its audit line are one transaction.
    public func addUser(login: String, role: Role, unit: String?, name: String?, password: String?,
                        as principal: Principal, at instant: Date) throws -> (user: User, oneTimePassword: String?) {
        try require(access.canAdminister(as: principal), "quản lý người dùng", principal)
        guard Casework.isValidLogin(login) else { throw CaseworkError.badLogin(login) }
        if role.needsUnit && unit == nil { throw CaseworkError.unitNeeded(role: role.rawValue) }
        if let unit, let book, book.directory[unit] == nil { throw CaseworkError.unknownUnit(unit) }
        if let password, !(10...128).contains(password.count) { throw CaseworkError.weakPassword }
        let oneTime = password == nil ? PasswordHash.oneTimePassword() : nil
        // Hashing takes a third of a second: done before the write lock is taken.
        let hash = PasswordHash.make(password ?? oneTime!)
        let user = User(login: login, name: name, role: role, unit: unit, passwordHash: hash, mustChangePassword: oneTime != nil,
                        createdAt: instant)
        try database.write { connection in
            do {
                try AccountStore.insert(user, in: connection)
            } catch AccountError.loginTaken(let login) {
                throw CaseworkError.loginTaken(login)
            }
            try AccountStore.record(AuditEntry(at: instant, login: principal.login, action: "user-add", subject: login,
                                               detail: role.rawValue + (unit.map { " " + $0 } ?? "")), in: connection)
        }
        return (user, oneTime)
    }

    public func users(as principal: Principal) throws -> [User] {
        try require(access.canAdminister(as: principal), "quản lý người dùng", principal)
        return try database.read { try AccountStore.all(in: $0) }
    }

    public func disableUser(_ login: String, as principal: Principal, at instant: Date) throws {
        try require(access.canAdminister(as: principal), "quản lý người dùng", principal)
        try database.write { connection in
            do {
                try AccountStore.setDisabled(login, true, at: instant, in: connection)
            } catch AccountError.unknownUser(let login) {
                throw FieldError(field: "login", message: "không có người dùng '\(login)'")
            }
            try AccountStore.record(AuditEntry(at: instant, login: principal.login, action: "user-disable", subject: login),
                                    in: connection)
        }
    }

    /// A new one-time password for `login`, returned once.
    public func resetPassword(_ login: String, as principal: Principal, at instant: Date) throws -> String {
        try require(access.canAdminister(as: principal), "quản lý người dùng", principal)
        let password = PasswordHash.oneTimePassword()
        let hash = PasswordHash.make(password)
        try database.write { connection in
            do {
                try AccountStore.setPassword(login, hash: hash, mustChange: true, at: instant, in: connection)
            } catch AccountError.unknownUser(let login) {
                throw FieldError(field: "login", message: "không có người dùng '\(login)'")
            }
            try AccountStore.record(AuditEntry(at: instant, login: principal.login, action: "user-passwd", subject: login),
                                    in: connection)
        }
        return password
    }

    /// Grants `login` the sight of one grievance's protected identity, for a reason; admins only.
    public func grantIdentity(_ code: TrackingCode, to login: String, reason: String, as principal: Principal,
                              at instant: Date) throws {
        try require(access.canAdminister(as: principal), "cấp quyền xem danh tính người tố cáo", principal)
        guard !reason.allSatisfy(\.isWhitespace) else { throw CaseworkError.reasonNeeded(what: "cấp quyền xem danh tính") }
        try database.write { connection in
            guard try AccountStore.find(login, in: connection) != nil else {
                throw FieldError(field: "to", message: "không có người dùng '\(login)'")
            }
            try AccountStore.grantIdentity(code, to: login, reason: reason, by: principal.login, at: instant, in: connection)
            try AccountStore.record(AuditEntry(at: instant, login: principal.login, action: "grant-identity",
                                               trackingCode: code.value, subject: login, detail: reason), in: connection)
        }
    }

    /// The audit log, newest first; admins only.
    public func audit(login: String?, trackingCode: TrackingCode?, limit: Int, as principal: Principal) throws -> [AuditEntry] {
        try require(access.canAdminister(as: principal), "xem nhật ký kiểm tra", principal)
        return try database.read { try AccountStore.audit(login: login, trackingCode: trackingCode?.value, limit: limit, in: $0) }
    }

    /// Letters, digits, dot, hyphen and underscore; 2 to 64 of them. "operator:…" stays the machine's.
    static func isValidLogin(_ login: String) -> Bool {
        (2...64).contains(login.count) && login.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
        }
    }
}
