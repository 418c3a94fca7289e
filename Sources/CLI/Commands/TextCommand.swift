struct TextCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "text", abstract: "Vietnamese text: normalise, fold, deaccent, convert legacy encodings.",
        subcommands: [TextNormalizeCommand.self, TextFoldCommand.self, TextDeaccentCommand.self, TextConvertCommand.self])

    init(_ arguments: ParsedArguments) {}
}
