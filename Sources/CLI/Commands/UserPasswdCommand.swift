import Foundation

struct UserPasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "passwd", abstract: "Cấp mật khẩu dùng một lần mới, phải đổi khi đăng nhập. (Issue a new one-time password.)",
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
        let password = try casework.resetPassword(login, as: principal, at: Date())
        try JSONLines.print(["login": .string(login), "password": .string(password)] as [String: JSONScalar])
    }
}
