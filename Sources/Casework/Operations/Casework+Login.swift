public import Foundation
public import Domain
internal import Storage
internal import Secrets

extension Casework {
    /// Who logged in, and whether they must change a one-time password before anything else.
    public struct Login: Sendable, Equatable {
        public var principal: Principal
        public var mustChangePassword: Bool
    }

    /// Failed attempts allowed per account, and per address, within `loginWindow`.
    public static let loginAttempts = 5
    public static let loginWindow: TimeInterval = 15 * 60

    /// Checks a password. After `loginAttempts` failures within `loginWindow` for the account, or
    /// from the address, every attempt is refused until the window has passed, whatever the
    /// password: guessing goes no faster by changing accounts or machines alone. The same answer
    /// for an unknown login, a wrong password and a disabled account.
    public func login(_ login: String, password: String, address: String?, at instant: Date) throws -> Login {
        let keys = ["login:" + login] + (address.map { ["address:" + $0] } ?? [])
        let since = instant.addingTimeInterval(-Casework.loginWindow)
        let (user, throttled) = try database.read { connection in
            (try AccountStore.find(login, in: connection),
             try keys.contains { try AccountStore.failures(key: $0, since: since, in: connection) >= Casework.loginAttempts })
        }
        if throttled { throw LoginError.throttled(minutes: Int(Casework.loginWindow / 60)) }
        // The hash is checked even for an unknown login, so that the time taken tells nothing.
        let valid = PasswordHash.verify(password, hash: user?.passwordHash ?? Casework.dummyHash)
        guard let user, valid, !user.disabled else {
            try database.write { connection in
                try AccountStore.recordFailure(keys: keys, at: instant, in: connection)
                try AccountStore.record(AuditEntry(at: instant, login: login, action: "login-failed", detail: address), in: connection)
            }
            throw LoginError.refused
        }
        try database.write { connection in
            try AccountStore.clearFailures(key: "login:" + login, olderThan: since, in: connection)
            try AccountStore.record(AuditEntry(at: instant, login: login, action: "login", detail: address), in: connection)
        }
        return Login(principal: user.principal, mustChangePassword: user.mustChangePassword)
    }

    /// A user's own new password, given the current one (a one-time password after `user add`).
    public func changePassword(_ login: String, current: String, new password: String, at instant: Date) throws {
        guard (10...128).contains(password.count) else { throw CaseworkError.weakPassword }
        _ = try self.login(login, password: current, address: nil, at: instant)
        let hash = PasswordHash.make(password)
        try database.write { connection in
            try AccountStore.setPassword(login, hash: hash, mustChange: false, at: instant, in: connection)
            try AccountStore.record(AuditEntry(at: instant, login: login, action: "password-changed", subject: login), in: connection)
        }
    }

    /// A hash of nothing anyone knows, verified against when the login is unknown.
    static let dummyHash = PasswordHash.make(PasswordHash.oneTimePassword() + PasswordHash.oneTimePassword())
}

/// Why a login was refused, in words that say no more than they must.
public enum LoginError: Error, Equatable, Sendable, CustomStringConvertible {
    case refused
    case throttled(minutes: Int)

    public var description: String {
        switch self {
        case .refused: "login: tên đăng nhập hoặc mật khẩu không đúng"
        case let .throttled(minutes): "login: đăng nhập sai quá nhiều lần; thử lại sau \(minutes) phút"
        }
    }
}
