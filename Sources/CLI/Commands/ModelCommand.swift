struct ModelCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "model", abstract: "The topic and kind classifier: train it, evaluate it.",
        subcommands: [ModelTrainCommand.self, ModelEvalCommand.self])

    init(_ arguments: ParsedArguments) {}
}
