struct UnitsCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "units", abstract: "Danh bạ đơn vị: nhập từ bảng tính. (The unit directory: import it from a spreadsheet.)", subcommands: [UnitsImportCommand.self])

    init(_ arguments: ParsedArguments) {}
}
