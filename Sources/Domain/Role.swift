/// What a user does in the organisation, and so what they may see and do (Casework decides).
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Cán bộ tiếp nhận: registers petitions; sees what their office registered.
    case registrar
    /// Thành viên đơn vị: sees and acts on their unit's grievances (lead or coordinating).
    case member
    /// Lãnh đạo đơn vị: as a member, also for the units below theirs.
    case head
    /// Giám sát: reads everything, acts on nothing.
    case supervisor
    /// Quản trị: manages users and units; may see a denouncer's identity.
    case admin

    public var vietnameseName: String {
        switch self {
        case .registrar: "cán bộ tiếp nhận"
        case .member: "thành viên đơn vị"
        case .head: "lãnh đạo đơn vị"
        case .supervisor: "giám sát"
        case .admin: "quản trị"
        }
    }

    /// Roles that belong to a unit.
    public var needsUnit: Bool { self == .member || self == .head || self == .registrar }

    public static var allCodes: String { allCases.map(\.rawValue).joined(separator: " | ") }
}
