import Classifier

struct BenchClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "classify",
        abstract: "Classifications/s on one thread for ~300-character grievances (topic, kind, explanation).",
        arguments: [
            .option("count", value: "N", help: "classifications", default: "200000"),
            .option("model", value: "FILE", help: "model file", default: "routing-rules/model/classifier.tsv"),
        ],
        examples: ["danvan bench classify"])

    let count: Int
    let modelPath: String

    init(_ arguments: ParsedArguments) throws {
        count = try arguments.integer("count", range: 1...50_000_000)!
        modelPath = try arguments.required("model")
    }

    func run() throws {
        let loadStart = ResourceUsage.now
        let classifier = try ModelFile.read(try ClassifyCommand.read(modelPath), file: modelPath)
        let loadSeconds = ResourceUsage.now - loadStart
        // Samples joined into letters of 300 characters.
        let samples = BenchStoreCommand.sampleTexts
        let inputs = samples.indices.map { i in
            String((0..<5).map { samples[(i + 3 * $0) % samples.count] }.joined(separator: ". ").prefix(300))
        }
        var reviewed = 0
        let start = ResourceUsage.now
        for i in 0..<count where classifier.classify(inputs[i % inputs.count]).needsReview { reviewed += 1 }
        let seconds = ResourceUsage.now - start
        try JSONLines.print([
            "benchmark": .string("classify"), "model_load_ms": .double((loadSeconds * 10_000).rounded() / 10),
            "classifications": .int(count), "average_input_characters": .int(inputs.map(\.count).reduce(0, +) / inputs.count),
            "needs_review": .int(reviewed), "seconds": .double((seconds * 1000).rounded() / 1000),
            "classifications_per_second": .int(Int(Double(count) / seconds)),
            "peak_rss_mib": .double((ResourceUsage.peakResidentMiB * 10).rounded() / 10),
        ] as [String: JSONScalar])
    }
}
