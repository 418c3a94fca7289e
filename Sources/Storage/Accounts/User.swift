public import Foundation
public import Domain

/// An account as stored: who, in which role and unit, the password's argon2id hash.
public struct User: Sendable, Equatable {
    public var login: String
    public var name: String?
    public var role: Role
    public var unit: String?
    public var passwordHash: String
    /// A one-time password was issued: it must be changed at the first login.
    public var mustChangePassword: Bool
    public var disabled: Bool
    public var createdAt: Date

    public init(login: String, name: String?, role: Role, unit: String?, passwordHash: String, mustChangePassword: Bool,
                disabled: Bool = false, createdAt: Date) {
        self.login = login
        self.name = name
        self.role = role
        self.unit = unit
        self.passwordHash = passwordHash
        self.mustChangePassword = mustChangePassword
        self.disabled = disabled
        self.createdAt = createdAt
    }

    /// The principal this user acts as.
    public var principal: Principal { Principal(login: login, role: role, unit: unit) }
}
