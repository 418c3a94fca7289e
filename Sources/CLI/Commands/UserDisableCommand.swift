import Foundation

struct UserDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "disable", abstract: "Khóa một tài khoản: không đăng nhập, không dùng --as được nữa. (Disable an account.)",
        arguments: [.positional("login", help: "tên đăng nhập (the login)"), .database])

    let login: String
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        login = try arguments.positional(0) ?? ""
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, as: asLogin)
        try casework.disableUser(login, as: principal, at: Date())
        try JSONLines.print(["login": .string(login), "disabled": .bool(true)] as [String: JSONScalar])
    }
}
