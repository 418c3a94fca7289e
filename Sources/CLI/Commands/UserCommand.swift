struct UserCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "user", abstract: "Quản lý tài khoản người dùng (quản trị). (Manage user accounts; admins only.)",
        subcommands: [UserAddCommand.self, UserListCommand.self, UserDisableCommand.self, UserPasswdCommand.self,
                      UserAPIKeyCommand.self])

    init(_ arguments: ParsedArguments) {}
}
