import Foundation

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "list", abstract: "Liệt kê tài khoản: tên đăng nhập, vai trò, đơn vị, bị khóa hay không. (List accounts.)",
        arguments: [.database])

    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, as: asLogin)
        for user in try casework.users(as: principal) {
            try JSONLines.print(["login": .string(user.login), "role": .string(user.role.rawValue),
                                 "unit": user.unit.map(JSONScalar.string) ?? .null, "disabled": .bool(user.disabled),
                                 "name": user.name.map(JSONScalar.string) ?? .null] as [String: JSONScalar])
        }
    }
}
