import Foundation
import Classifier
import Routing

struct ModelEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "eval",
        abstract: "k-fold cross-validation on the corpus (and staff corrections): per-topic P/R/F1, macro-F1, confusion matrix.",
        discussion: """
            Folds are fixed by the number in each id (id mod k), so bench/sklearn_baseline.py scores the \
            same rows. With --heldout FILE, the model trained on all of the corpus is also scored on FILE. \
            The last line is a JSON summary.
            """,
        arguments: [
            .option("corpus", value: "FILE", help: "labelled corpus (TSV: id, topic, kind, text)", default: "corpus/train.tsv"),
            .option("folds", value: "K", help: "number of folds", default: "5"),
            .option("heldout", value: "FILE", help: "also score a held-out file written after the model was frozen"),
            .rulesDirectory, .database,
        ],
        examples: ["danvan model eval", "danvan model eval --heldout corpus/heldout.tsv"])

    let corpus: String
    let folds: Int
    let heldout: String?
    let rulesDirectory: String
    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        corpus = try arguments.required("corpus")
        folds = try arguments.integer("folds", range: 2...20)!
        heldout = try arguments.string("heldout")
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
    }

    func run() throws {
        let taxonomy = try ModelTraining.taxonomy(rulesDirectory: rulesDirectory)
        let examples = try ModelTraining.examples(corpus: corpus, databasePath: databasePath)
        let (topics, kinds) = Evaluation.crossValidate(examples, taxonomy: taxonomy, folds: folds)
        StandardStreams.printLine("\(folds)-fold cross-validation on \(examples.count) examples")
        ModelEvalCommand.report(topics, title: "topics")
        ModelEvalCommand.report(kinds, title: "kinds")
        var summary: [String: JSONScalar] = [
            "examples": .int(examples.count), "folds": .int(folds),
            "topic_macro_f1": .double(ModelEvalCommand.round(topics.macroF1)), "topic_accuracy": .double(ModelEvalCommand.round(topics.accuracy)),
            "kind_macro_f1": .double(ModelEvalCommand.round(kinds.macroF1)), "kind_accuracy": .double(ModelEvalCommand.round(kinds.accuracy)),
        ]
        if let heldout {
            let classifier = ClassifierTrainer.train(examples, taxonomy: taxonomy)
            let heldoutExamples = try Corpus.read(path: heldout)
            let (heldTopics, heldKinds) = Evaluation.evaluate(classifier, on: heldoutExamples)
            StandardStreams.printLine("\nheld-out \(heldout): \(heldoutExamples.count) examples")
            ModelEvalCommand.report(heldTopics, title: "topics (held-out)")
            summary["heldout_examples"] = .int(heldoutExamples.count)
            summary["heldout_topic_macro_f1"] = .double(ModelEvalCommand.round(heldTopics.macroF1))
            summary["heldout_kind_macro_f1"] = .double(ModelEvalCommand.round(heldKinds.macroF1))
        }
        try JSONLines.print(summary)
    }

    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

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
