public import Domain
public import Routing

/// What each person may see and do, once for every front end. A grievance someone may not see
/// is answered exactly as an unknown code, so that its existence does not leak.
public struct AccessPolicy: Sendable {
    /// The unit directory: a head sees the units below theirs.
    public let directory: UnitDirectory?

    public init(directory: UnitDirectory?) {
        self.directory = directory
    }

    /// The units whose grievances (lead or coordinating) `principal` sees by unit; nil when their
    /// role sees every grievance or none by unit (admin, supervisor, registrar).
    public func units(of principal: Principal) -> [String]? {
        switch principal.role {
        case .admin, .supervisor, .registrar: return nil
        case .member: return principal.unit.map { [$0] } ?? []
        case .head:
            guard let unit = principal.unit else { return [] }
            return [unit] + (directory?.descendants(of: unit).map(\.id) ?? [])
        }
    }

    public func canSee(_ grievance: Grievance, as principal: Principal) -> Bool {
        switch principal.role {
        case .admin, .supervisor: return true
        case .registrar: return principal.unit != nil && grievance.office == principal.unit
        case .member, .head:
            let units = Set(units(of: principal) ?? [])
            return grievance.leadUnit.map(units.contains) == true || grievance.coordinatingUnits.contains(where: units.contains)
        }
    }

    /// Moving, extending or correcting it: units on what they see; a registrar on what their
    /// office registered until a unit has it; a supervisor never.
    public func canAct(on grievance: Grievance, as principal: Principal) -> Bool {
        switch principal.role {
        case .admin: return true
        case .supervisor: return false
        case .registrar: return canSee(grievance, as: principal) && [.received, .triage].contains(grievance.status)
        case .member, .head: return canSee(grievance, as: principal)
        }
    }

    /// Registering a petition: the desk, units (what their members hear), admins.
    public func canRegister(as principal: Principal) -> Bool {
        principal.role != .supervisor
    }

    /// Importing sheets and mailboxes, and their quarantine: the desk and admins.
    public func canImport(as principal: Principal) -> Bool {
        principal.role == .registrar || principal.role == .admin
    }

    /// A protected submitter's identity: an admin, or someone an admin granted it for that grievance.
    public func canSeeIdentity(as principal: Principal, granted: Bool) -> Bool {
        principal.role == .admin || granted
    }

    /// Accounts, grants and the audit log.
    public func canAdminister(as principal: Principal) -> Bool {
        principal.role == .admin
    }
}
