import Foundation
import Classifier
import Routing
import Storage

/// What `model train` and `model eval` share: the taxonomy from routing-rules/ and the examples.
enum ModelTraining {
    static func taxonomy(rulesDirectory: String) throws -> [TaxonomyTopic] {
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        // The order of topics.txt as the rule book keeps it: sorted by id for a stable model file.
        return book.topics.values.sorted { $0.id < $1.id }.map { TaxonomyTopic(id: $0.id, keywords: $0.keywords) }
    }

    /// The corpus, plus staff corrections when the database has any.
    static func examples(corpus: String, databasePath: String) throws -> [Example] {
        var examples = try Corpus.read(path: corpus)
        if FileManager.default.fileExists(atPath: databasePath) {
            // Corrections of the topic only teach the topic model where a topic was given.
            examples += try CorrectionStore(database: CommandContext.openDatabase(databasePath, creating: false)).all().compactMap { correction in
                guard let topic = correction.topic else { return nil }
                return Example(id: "C\(correction.id)", text: correction.text, topic: topic, kind: correction.kind.rawValue)
            }
        }
        return examples
    }
}
