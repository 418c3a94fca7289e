import Foundation
import Classifier
import Domain

struct ModelTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "train",
        abstract: "Train the topic and kind classifier from the corpus and staff corrections; write the model file.",
        discussion: "Training is deterministic: the same corpus, corrections and taxonomy give the same file.",
        arguments: [
            .option("corpus", value: "FILE", help: "labelled corpus (TSV: id, topic, kind, text)", default: "corpus/train.tsv"),
            .option("out", value: "FILE", help: "model file to write", default: "routing-rules/model/classifier.tsv"),
            .option("threshold", value: "P", help: "topic confidence below which a grievance goes to triage",
                    default: String(ClassifierTrainer.defaultThreshold)),
            .rulesDirectory, .database,
        ],
        examples: ["danvan model train"])

    let corpus: String
    let output: String
    let threshold: Double
    let rulesDirectory: String
    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        corpus = try arguments.required("corpus")
        output = try arguments.required("out")
        let text = try arguments.required("threshold")
        guard let value = Double(text), (0...1).contains(value) else {
            throw FieldError(field: "threshold", message: "'\(text)' is not a number from 0 to 1")
        }
        threshold = value
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
    }

    func run() throws {
        let taxonomy = try ModelTraining.taxonomy(rulesDirectory: rulesDirectory)
        let examples = try ModelTraining.examples(corpus: corpus, databasePath: databasePath)
        let corrections = examples.filter { $0.id.hasPrefix("C") }.count
        let classifier = ClassifierTrainer.train(examples, taxonomy: taxonomy, threshold: threshold,
                                                 provenance: "\(corpus): \(examples.count - corrections) examples; corrections: \(corrections)")
        let file = ModelFile.write(classifier)
        try FileManager.default.createDirectory(atPath: (output as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Written beside and renamed: a reader never sees half a model.
        let temporary = output + ".tmp"
        try file.write(toFile: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary, output) == 0 else {
            throw FieldError(field: "out", message: "cannot write \(output): \(String(cString: strerror(errno)))")
        }
        try JSONLines.print(["model": .string(output), "examples": .int(examples.count), "corrections": .int(corrections),
                             "version": .string(ModelFile.version(of: file)), "bytes": .int(file.utf8.count)] as [String: JSONScalar])
    }
}
