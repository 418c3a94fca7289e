public import Foundation

/// One line of the audit log: who did what, to which grievance or account, when.
public struct AuditEntry: Sendable, Equatable {
    public var at: Date
    public var login: String
    /// "view", "reveal-identity", "grant-identity", "user-add", "user-disable", "user-passwd" …
    public var action: String
    public var trackingCode: String?
    /// Another user's login, for account changes and grants.
    public var subject: String?
    public var detail: String?

    public init(at: Date, login: String, action: String, trackingCode: String? = nil, subject: String? = nil, detail: String? = nil) {
        self.at = at
        self.login = login
        self.action = action
        self.trackingCode = trackingCode
        self.subject = subject
        self.detail = detail
    }
}
