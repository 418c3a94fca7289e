struct RulesCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "rules", abstract: "Routing rules: check them.", subcommands: [RulesCheckCommand.self])

    init(_ arguments: ParsedArguments) {}
}
