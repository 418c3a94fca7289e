struct DatabaseCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "db", abstract: "Database maintenance.", subcommands: [DatabaseMigrateCommand.self])

    init(_ arguments: ParsedArguments) {}
}
