import Locality

struct LocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "locate",
        abstract: "Find the province, commune (2025 units), residential area and old units a text names.",
        discussion: """
            Prints one JSON object per input: {"input", "province", "commune", "residential", "legacy", \
            "candidates", "confidence"}. Reads each line of standard input when no TEXT is given.
            """,
        arguments: [
            .positional("text", help: "an address or a sentence", required: false),
            .option("default-province", value: "CODE", help: "the registering office's province, to break ties"),
            .option("default-commune", value: "CODE", help: "the registering office's commune, to break ties"),
        ],
        examples: ["danvan locate 'P.12, Q.Tân Bình, TP.HCM'", "danvan locate --default-province 79 < addresses.txt"])

    let text: String?
    let defaultProvince: String?
    let defaultCommune: String?

    init(_ arguments: ParsedArguments) throws {
        text = try arguments.positional(0)
        defaultProvince = try arguments.string("default-province")
        defaultCommune = try arguments.string("default-commune")
    }

    func run() throws {
        let extractor = LocalityExtractor()
        try LineInput.forEach(argument: text, field: "text") { line, _ in
            let result = extractor.locate(line, defaultProvince: defaultProvince, defaultCommune: defaultCommune)
            try JSONLines.print(LocalityJSON(input: line, result: result))
        }
    }
}
