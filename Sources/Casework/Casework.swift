internal import Foundation
public import Domain
public import Storage
public import Routing

/// The rules of the work, once, below every front end (the command line now, the web and the
/// API next): each operation takes the acting principal, checks what they may do and see,
/// writes the change with its events and audit lines in one transaction, and returns domain
/// values, redacted for that principal.
public struct Casework: Sendable {
    public let database: Database
    /// The rules: units (for heads and conflicts), deadlines and the calendar. Nil when a command
    /// needs none of them (then a head sees only their own unit).
    public let book: RuleBook?
    public let access: AccessPolicy
    /// Units whose jurisdiction is a residential area: they point at a denouncer's khu phố.
    let areaUnits: Set<String>
    /// Where views' audit lines go when not in the read's own transaction (the server); nil: each
    /// view writes its line at once, as the command line does.
    public let viewAudit: AuditBuffer?

    public init(database: Database, book: RuleBook?, viewAudit: AuditBuffer? = nil) {
        self.database = database
        self.book = book
        self.viewAudit = viewAudit
        access = AccessPolicy(directory: book?.directory)
        areaUnits = Set(book?.directory.units.values.filter { !$0.residentialAreas.isEmpty }.map(\.id) ?? [])
    }

    /// What `principal` may see of a grievance: a protected submitter redacted.
    func redacted(_ grievance: Grievance, events: [GrievanceEvent]?) -> (Grievance, [GrievanceEvent]?) {
        Redaction.redacted(grievance, events: events, areaUnits: areaUnits)
    }

    /// Who acts: the account `login` names (it must exist and not be disabled), or without one
    /// the machine's operator.
    public func principal(login: String?, systemUser: String) throws -> Principal {
        guard let login else { return .machineOperator(systemUser: systemUser) }
        guard let user = try database.read({ try AccountStore.find(login, in: $0) }) else { throw CaseworkError.unknownLogin(login) }
        guard !user.disabled else { throw CaseworkError.disabled(login) }
        return user.principal
    }

    /// Loads a grievance the principal may see, inside the caller's transaction; an invisible one
    /// is answered as an unknown code.
    func visible(_ code: TrackingCode, as principal: Principal, in connection: Connection) throws -> (Grievance, [GrievanceEvent]) {
        guard let (grievance, events) = try GrievanceStore.load(code, in: connection),
              access.canSee(grievance, as: principal) else { throw StoreError.notFound(code) }
        return (grievance, events)
    }

    func require(_ allowed: Bool, _ action: String, _ principal: Principal) throws {
        if !allowed { throw CaseworkError.notAllowed(action: action, login: principal.login) }
    }
}

extension Casework {
    /// Importing sheets and mailboxes and handling their quarantine (rows with personal data
    /// not yet grievances): the desk and admins.
    public func checkImport(as principal: Principal) throws {
        try require(access.canImport(as: principal), "nhập đơn và xem hàng cách ly", principal)
    }
}
