import Intake

struct BenchMailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "mbox",
        abstract: "Read an mbox as `import` does (split, MIME, transfer encodings, charsets, attachments hashed); print MB/s.",
        discussion: """
            Nothing is stored. bench/make-mbox.py writes a test mailbox; bench/mbox_python.py reads the same file \
            with Python's mailbox and email packages for comparison.
            """,
        arguments: [.positional("file", help: "the mbox file")],
        examples: ["danvan bench mbox var/bench.mbox"])

    let file: String

    init(_ arguments: ParsedArguments) throws {
        file = try arguments.positional(0) ?? ""
    }

    func run() throws {
        let start = ResourceUsage.now
        let source = try MboxSource(path: file)
        var messages = 0, rejected = 0, attachments = 0, textCharacters = 0
        while let item = try source.next() {
            switch item {
            case let .record(record):
                messages += 1
                attachments += record.attachments.count
                textCharacters += record.text.utf8.count
            case .rejected:
                rejected += 1
            }
        }
        let seconds = ResourceUsage.now - start
        let megabytes = Double(source.totalBytes) / 1_048_576
        try JSONLines.print([
            "benchmark": .string("mbox"), "messages": .int(messages), "quarantined": .int(rejected),
            "attachments": .int(attachments), "text_bytes": .int(textCharacters),
            "megabytes": .double((megabytes * 10).rounded() / 10), "seconds": .double((seconds * 100).rounded() / 100),
            "megabytes_per_second": .double((megabytes / seconds * 10).rounded() / 10),
            "peak_rss_mib": .double((ResourceUsage.peakResidentMiB * 10).rounded() / 10),
        ] as [String: JSONScalar])
    }
}
