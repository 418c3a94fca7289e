import Domain
import Storage

struct QuarantineListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "list",
        abstract: "Liệt kê các bản ghi bị cách ly: nguồn, lý do, trích đoạn. (List quarantined records: source, reason, a preview.)",
        discussion: """
            One JSON line per record, oldest first: {"id", "source", "reason", "preview"}. The source is \
            "file:line" for a sheet's row and "file#n" for a message; the preview is the start of the record \
            as received, on one line, without control characters. With --file only the records of that file \
            (the path as given to import, or its last components).
            """,
        arguments: [
            .option("file", value: "FILE", help: "only the records of this file"),
            .database,
        ],
        examples: ["danvan quarantine list", "danvan quarantine list --file so-2026.csv"])

    /// Characters of a record shown.
    static let previewLength = 120

    let file: String?
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        file = try arguments.string("file")
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, as: asLogin)
        try casework.checkImport(as: principal)
        let database = casework.database
        let records = try database.read { try IntakeLedger.quarantined(previewBytes: QuarantineListCommand.previewLength * 4, in: $0) }
        for record in records where file.map({ QuarantineListCommand.source(record.source, isIn: $0) }) ?? true {
            let text = ControlCharacters.cleaning(String(decoding: record.raw, as: UTF8.self), singleLine: true).text
            let preview = text.count > QuarantineListCommand.previewLength
                ? String(text.prefix(QuarantineListCommand.previewLength - 1)) + "…" : text
            try JSONLines.print([
                "id": JSONScalar.int(Int(record.id)), "source": .string(record.source), "reason": .string(record.reason),
                "preview": .string(preview),
            ])
        }
    }

    /// Whether a "file:line" or "file#n" source is in `file`, named as given to import or by its
    /// last path components ("so.csv" finds "data/so.csv:14").
    static func source(_ source: String, isIn file: String) -> Bool {
        let path = source.lastIndex(where: { $0 == ":" || $0 == "#" }).map { String(source[..<$0]) } ?? source
        return path == file || path.hasSuffix("/" + file) || source == file
    }
}
