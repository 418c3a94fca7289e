struct BenchCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "bench", abstract: "Benchmarks that print their figures as JSON.",
        subcommands: [BenchStoreCommand.self])

    init(_ arguments: ParsedArguments) {}
}
