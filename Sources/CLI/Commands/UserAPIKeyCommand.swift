import Foundation

struct UserAPIKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "api-key",
        abstract: "Cấp khóa API cho một tài khoản (Open311); khóa chỉ hiện một lần. (Issue an API key for an account, shown once.)",
        discussion: """
            Ứng dụng Open311 gửi khóa trong tham số api_key và hành động với vai trò, đơn vị của tài khoản \
            (/open311/v2). Chỉ lưu SHA-256 của khóa. Khóa của tài khoản bị khóa không dùng được. Với --revoke, \
            thu hồi mọi khóa của tài khoản và in {"login","revoked"}. (Only the key's SHA-256 is stored; \
            --revoke revokes every key of the account.)
            """,
        arguments: [
            .positional("login", help: "tên đăng nhập (the login)"),
            .flag("revoke", help: "thu hồi mọi khóa của tài khoản (revoke every key of the account)"),
            .database,
        ],
        examples: ["danvan user api-key ung-dung.phuong --db var/danvan.sqlite"])

    let login: String
    let revoke: Bool
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        login = try arguments.positional(0) ?? ""
        revoke = arguments.flag("revoke")
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, as: asLogin)
        if revoke {
            let count = try casework.revokeAPIKeys(of: login, as: principal, at: Date())
            try JSONLines.print(["login": .string(login), "revoked": .int(count)] as [String: JSONScalar])
            return
        }
        let key = try casework.createAPIKey(for: login, as: principal, at: Date())
        try JSONLines.print(["login": .string(login), "api_key": .string(key)] as [String: JSONScalar])
    }
}
