import VietText

/// `text normalize|fold|deaccent`: one transformation of the argument, or of each line of stdin.
protocol TextTransformCommand: ParsableCommand {
    static var transform: @Sendable (String) -> String { get }
    var text: String? { get }
}

extension TextTransformCommand {
    static func arguments() -> [ArgumentSpec] {
        [.positional("text", help: "the text; without it, each line of standard input", required: false)]
    }

    func run() throws {
        try LineInput.forEach(argument: text, field: "text") { line, _ in
            StandardStreams.printLine(Self.transform(line))
        }
    }
}

struct TextNormalizeCommand: TextTransformCommand {
    static let configuration = CommandConfiguration(
        name: "normalize", abstract: "The text in Unicode NFC with mojibake repaired and \"Ð\" (U+00D0) read as \"Đ\".",
        arguments: arguments(), examples: ["danvan text normalize 'Hà Ná»™i'   # → Hà Nội"])
    static let transform: @Sendable (String) -> String = VietText.normalize
    let text: String?
    init(_ arguments: ParsedArguments) throws { text = try arguments.positional(0) }
}

struct TextFoldCommand: TextTransformCommand {
    static let configuration = CommandConfiguration(
        name: "fold", abstract: "Lowercase, diacritics and đ removed, punctuation to spaces, whitespace collapsed.",
        arguments: arguments(), examples: ["danvan text fold 'TP. Hồ Chí Minh'   # → tp ho chi minh"])
    static let transform: @Sendable (String) -> String = VietText.fold
    let text: String?
    init(_ arguments: ParsedArguments) throws { text = try arguments.positional(0) }
}

struct TextDeaccentCommand: TextTransformCommand {
    static let configuration = CommandConfiguration(
        name: "deaccent", abstract: "Diacritics removed, đ→d, Đ→D; case and punctuation kept.",
        arguments: arguments(), examples: ["danvan text deaccent 'Đường Lê Văn Sỹ'   # → Duong Le Van Sy"])
    static let transform: @Sendable (String) -> String = VietText.deaccent
    let text: String?
    init(_ arguments: ParsedArguments) throws { text = try arguments.positional(0) }
}
