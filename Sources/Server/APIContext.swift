public import Foundation
public import Casework
public import Domain

/// What the API's handlers work with: the application layer, the rules and model, sessions,
/// limits, the log and the clock.
public struct APIContext: Sendable {
    public let casework: Casework
    /// The rules and the classifier that route what is registered.
    public let routing: GrievanceRouting
    public let sessions: SessionStore
    /// Public submissions per client address.
    public let publicSubmissions: RateLimiter
    /// Public status lookups per client address (a tracking code is a key: guessing is slowed).
    public let publicLookups: RateLimiter
    /// The unit whose desk receives what citizens send through the public form.
    public let publicOffice: String?
    public let log: RequestLog
    /// Uploads being imported, for their uploaders to follow.
    public let imports: ImportJobs
    public let now: @Sendable () -> Date

    public init(casework: Casework, routing: GrievanceRouting, sessions: SessionStore? = nil,
                publicSubmissions: RateLimiter = RateLimiter(limit: 5, window: 3600),
                publicLookups: RateLimiter = RateLimiter(limit: 120, window: 60),
                publicOffice: String? = nil, log: RequestLog = RequestLog(enabled: false), imports: ImportJobs = ImportJobs(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.casework = casework
        self.routing = routing
        self.sessions = sessions ?? SessionStore { [casework] login in
            try? casework.principal(login: login, systemUser: "")
        }
        self.publicSubmissions = publicSubmissions
        self.publicLookups = publicLookups
        self.publicOffice = publicOffice
        self.log = log
        self.imports = imports
        self.now = now
    }

    /// Who files what citizens send through the public form: the public office's desk.
    var publicPrincipal: Principal {
        Principal(login: "cong-dan", role: .registrar, unit: publicOffice)
    }
}
