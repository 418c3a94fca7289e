public import Foundation
public import Domain

/// A logged-in user as the server holds them between requests.
public struct APISession: Sendable {
    public var principal: Principal
    /// A one-time password was used: nothing but changing it is allowed.
    public var mustChangePassword: Bool
    public var expires: Date
    /// When the account was last read back (disabled accounts lose their sessions within a minute).
    var checked: Date
}
