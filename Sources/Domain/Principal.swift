/// Who is acting: a user with a role (and a unit for unit roles), or the machine's operator,
/// who runs the command line without --as and acts as an admin (whoever can read the database
/// file holds the data anyway), recorded as such.
public struct Principal: Sendable, Equatable {
    public var login: String
    public var role: Role
    public var unit: String?
    public var isOperator: Bool

    public init(login: String, role: Role, unit: String? = nil, isOperator: Bool = false) {
        self.login = login
        self.role = role
        self.unit = unit
        self.isOperator = isOperator
    }

    /// The operator of this machine, named after the system user ("operator:root").
    public static func machineOperator(systemUser: String) -> Principal {
        Principal(login: "operator:" + systemUser, role: .admin, isOperator: true)
    }
}
