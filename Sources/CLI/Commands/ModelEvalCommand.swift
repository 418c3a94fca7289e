import Foundation
import Classifier
import Routing

struct ModelEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "eval",
        abstract: "Kiểm định chéo k phần trên kho văn bản: P/R/F1 theo chủ đề và theo loại đơn. (k-fold cross-validation on the corpus and staff corrections: per-topic and per-kind P/R/F1, macro-F1, confusion matrices; tố cáo precision and recall on their own.)",
        discussion: """
            Folds are fixed by the number in each id (id mod k), so bench/sklearn_baseline.py scores the \
            same rows. With --heldout FILE, the model trained on all of the corpus is also scored on FILE. \
            The last line is a JSON summary.
            """,
        arguments: [
            .option("corpus", value: "FILE", help: "labelled corpus (TSV: id, topic, kind, text)", default: "corpus/train.tsv"),
            .option("folds", value: "K", help: "number of folds", default: "5"),
            .option("heldout", value: "FILE", help: "also score a held-out file written after the model was frozen (repeatable)",
                    repeating: true),
            .rulesDirectory, .database,
        ],
        examples: ["danvan model eval", "danvan model eval --heldout corpus/heldout.tsv"])

    let corpus: String
    let folds: Int
    let heldout: [String]
    let rulesDirectory: String
    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        corpus = try arguments.required("corpus")
        folds = try arguments.integer("folds", range: 2...20)!
        heldout = try arguments.strings("heldout")
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
    }

    func run() throws {
        let taxonomy = try ModelTraining.taxonomy(rulesDirectory: rulesDirectory)
        let examples = try ModelTraining.examples(corpus: corpus, databasePath: databasePath)
        let floors: [Float] = [0.15, 0.2, 0.22, 0.25, 0.27, 0.3, 0.35, 0.4, 0.5, 2]
        let (topics, kinds, sweep) = Evaluation.crossValidate(examples, taxonomy: taxonomy, folds: folds, floors: floors)
        StandardStreams.printLine("\(folds)-fold cross-validation on \(examples.count) examples")
        ModelEvalCommand.report(topics, title: "topics")
        ModelEvalCommand.report(kinds, title: "kinds (denunciation floor \(TopicClassifier.defaultDenunciationFloor))")
        StandardStreams.printLine("\ndenunciation floor sweep (cross-validated): floor, tố cáo P and R, kind macro-F1 and accuracy")
        for (floor, swept) in sweep {
            guard let scores = swept.perClass.first(where: { $0.label == "to-cao" }) else { continue }
            let label = floor > 1 ? "off " : String(format: "%.2f", floor)
            StandardStreams.printLine("  \(label)  " + String(format: "P %5.1f  R %5.1f  macro-F1 %5.1f  accuracy %5.1f",
                                                                scores.precision * 100, scores.recall * 100, swept.macroF1 * 100, swept.accuracy * 100))
        }
        var summary: [String: JSONScalar] = [
            "examples": .int(examples.count), "folds": .int(folds),
            "topic_macro_f1": .double(ModelEvalCommand.round(topics.macroF1)), "topic_accuracy": .double(ModelEvalCommand.round(topics.accuracy)),
            "kind_macro_f1": .double(ModelEvalCommand.round(kinds.macroF1)), "kind_accuracy": .double(ModelEvalCommand.round(kinds.accuracy)),
        ]
        ModelEvalCommand.summarize(kinds, kind: "to-cao", prefix: "", into: &summary)
        let classifier = heldout.isEmpty ? nil : ClassifierTrainer.train(examples, taxonomy: taxonomy)
        for (number, file) in heldout.enumerated() {
            guard let classifier else { break }
            let heldoutExamples = try Corpus.read(path: file)
            let (heldTopics, heldKinds) = Evaluation.evaluate(classifier, on: heldoutExamples)
            StandardStreams.printLine("\nheld-out \(file): \(heldoutExamples.count) examples")
            ModelEvalCommand.report(heldTopics, title: "topics (held-out)")
            ModelEvalCommand.report(heldKinds, title: "kinds (held-out)")
            // The first file keeps the keys scripts already read; later ones are numbered.
            let prefix = number == 0 ? "heldout_" : "heldout\(number + 1)_"
            summary[prefix + "file"] = .string(file)
            summary[prefix + "examples"] = .int(heldoutExamples.count)
            summary[prefix + "topic_macro_f1"] = .double(ModelEvalCommand.round(heldTopics.macroF1))
            summary[prefix + "topic_accuracy"] = .double(ModelEvalCommand.round(heldTopics.accuracy))
            summary[prefix + "kind_macro_f1"] = .double(ModelEvalCommand.round(heldKinds.macroF1))
            summary[prefix + "kind_accuracy"] = .double(ModelEvalCommand.round(heldKinds.accuracy))
            ModelEvalCommand.summarize(heldKinds, kind: "to-cao", prefix: prefix, into: &summary)
        }
        try JSONLines.print(summary)
    }

    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// One kind's precision and recall on their own: a missed tố cáo is the costly error.
    static func summarize(_ evaluation: Evaluation, kind: String, prefix: String, into summary: inout [String: JSONScalar]) {
        guard let scores = evaluation.perClass.first(where: { $0.label == kind }) else { return }
        let key = prefix + kind.replacingOccurrences(of: "-", with: "_")
        summary[key + "_precision"] = .double(round(scores.precision))
        summary[key + "_recall"] = .double(round(scores.recall))
    }

    static func report(_ evaluation: Evaluation, title: String) {
        func pct(_ v: Double) -> String { String(format: "%5.1f", v * 100) }
        StandardStreams.printLine("\n\(title): macro-F1 \(pct(evaluation.macroF1)), accuracy \(pct(evaluation.accuracy))")
        StandardStreams.printLine("  \("label".padding(toLength: 22, withPad: " ", startingAt: 0))     P      R     F1  support")
        for scores in evaluation.perClass {
            StandardStreams.printLine("  \(scores.label.padding(toLength: 22, withPad: " ", startingAt: 0))  \(pct(scores.precision))  \(pct(scores.recall))  \(pct(scores.f1))  \(scores.support)")
        }
        StandardStreams.printLine("  confusion (rows: true, columns: predicted, in the order above):")
        for (index, row) in evaluation.confusion.enumerated() {
            let cells = row.map { String(format: "%4d", $0) }.joined()
            StandardStreams.printLine("  \(String(format: "%2d", index + 1)) \(cells)")
        }
    }
}
