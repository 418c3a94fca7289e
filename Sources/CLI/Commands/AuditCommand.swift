struct AuditCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "audit", abstract: "Nhật ký kiểm tra: ai xem, ai tiết lộ danh tính, ai đổi tài khoản (quản trị). (The audit log; admins only.)",
        subcommands: [AuditListCommand.self])

    init(_ arguments: ParsedArguments) {}
}
