public import Foundation
public import Domain
internal import Secrets
internal import Synchronization

/// Bearer tokens (and, for the pages, cookies) of logged-in users, in memory: 256 random bits
/// each, kept only as their SHA-256 so that a memory dump does not hand out live tokens. A
/// session lasts `lifetime` from its last use; an account disabled meanwhile loses it at the next
/// check (every `recheck`), whichever process disabled it.
public final class SessionStore: Sendable {
    public let lifetime: TimeInterval
    public let recheck: TimeInterval
    private let sessions = Mutex<[String: APISession]>([:])
    /// Reads the account back: nil when it is gone or disabled, else its current principal.
    private let lookup: @Sendable (String) -> Principal?

    public init(lifetime: TimeInterval = 8 * 3600, recheck: TimeInterval = 60,
                lookup: @escaping @Sendable (String) -> Principal?) {
        self.lifetime = lifetime
        self.recheck = recheck
        self.lookup = lookup
    }

    /// A new token for `principal`; shown once, to the client.
    public func open(_ principal: Principal, mustChangePassword: Bool, at instant: Date) -> String {
        var random = SecureRandom()
        let bytes = (0..<4).flatMap { _ in withUnsafeBytes(of: random.next().littleEndian, Array.init) }
        let token = SessionStore.base64url(bytes)
        let session = APISession(principal: principal, mustChangePassword: mustChangePassword,
                                 expires: instant.addingTimeInterval(lifetime), checked: instant)
        sessions.withLock { $0[SessionStore.key(token)] = session }
        return token
    }

    /// The live session of `token`, its life extended; nil when unknown, expired or disabled.
    public func session(_ token: String, at instant: Date) -> APISession? {
        let key = SessionStore.key(token)
        guard var session = sessions.withLock({ $0[key] }), session.expires > instant else {
            sessions.withLock { _ = $0.removeValue(forKey: key) }
            return nil
        }
        if instant.timeIntervalSince(session.checked) >= recheck {
            guard let principal = lookup(session.principal.login) else {
                sessions.withLock { _ = $0.removeValue(forKey: key) }
                return nil
            }
            session.principal = principal
            session.checked = instant
        }
        session.expires = instant.addingTimeInterval(lifetime)
        let updated = session
        // Written back only if still there: a logout or a disabling meanwhile stands.
        let alive = sessions.withLock { sessions in
            guard sessions[key] != nil else { return false }
            sessions[key] = updated
            return true
        }
        guard alive else { return nil }
        return updated
    }

    /// The password was changed: the session may do everything its role allows.
    public func passwordChanged(_ token: String) {
        sessions.withLock { $0[SessionStore.key(token)]?.mustChangePassword = false }
    }

    public func close(_ token: String) {
        sessions.withLock { _ = $0.removeValue(forKey: SessionStore.key(token)) }
    }

    /// Ends every session of `login` (disabled, password reset by an admin).
    public func closeAll(of login: String) {
        sessions.withLock { sessions in sessions = sessions.filter { $0.value.principal.login != login } }
    }

    /// Forgets sessions past their life; called now and then so memory stays bounded.
    public func sweep(at instant: Date) {
        sessions.withLock { sessions in sessions = sessions.filter { $0.value.expires > instant } }
    }

    public var count: Int { sessions.withLock { $0.count } }

    static func key(_ token: String) -> String { Digest.sha256Hex(token) }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
