struct QuarantineCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "quarantine", abstract: "Xem và thử nhập lại các bản ghi bị cách ly khi nhập. (List and retry the records an import quarantined.)",
        subcommands: [QuarantineListCommand.self, QuarantineRetryCommand.self])

    init(_ arguments: ParsedArguments) {}
}
