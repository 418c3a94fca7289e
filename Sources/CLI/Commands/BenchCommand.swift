struct BenchCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "bench", abstract: "Benchmarks that print their figures as JSON.",
        subcommands: [BenchStoreCommand.self, BenchRouteCommand.self, BenchLocateCommand.self, BenchClassifyCommand.self,
                      BenchMailCommand.self])

    init(_ arguments: ParsedArguments) {}
}
