struct RulesCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "rules", abstract: "Quy tắc chuyển xử lý: kiểm tra. (Routing rules: check them.)", subcommands: [RulesCheckCommand.self])

    init(_ arguments: ParsedArguments) {}
}
