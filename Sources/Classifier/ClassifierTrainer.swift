import Foundation

/// Trains a `TopicClassifier` from labelled examples (the corpus plus staff corrections).
public enum ClassifierTrainer {
    public static let defaultThreshold = 0.5

    /// - Parameter calibrate: fit the confidence temperature on out-of-fold margins (five more
    ///   trainings); cross-validation folds skip it, since only the ranking counts there.
    public static func train(_ examples: [Example], taxonomy: [TaxonomyTopic], threshold: Double = defaultThreshold,
                             provenance: String = "", calibrate: Bool = true) -> TopicClassifier {
        let topics = taxonomy.map(\.id)
        let kinds = ["phan-anh", "kien-nghi", "khieu-nai", "to-cao", "y-kien"]
        let keywords = KeywordIndex(TopicClassifier.keywordTable(taxonomy))
        var texts: [UInt64: String] = [:]
        for topic in topics {
            let (hash, text) = TopicClassifier.keywordFeature(topic)
            texts[hash] = text
        }
        for cue in LegalCues.Cue.allCases { texts[cue.feature] = cue.featureText }
        var documents: [TextFeatures] = []
        var extras: [[UInt64]] = []
        for example in examples {
            let features = TextFeatures(example.text, recordTexts: true)
            texts.merge(features.texts) { a, _ in a }
            documents.append(features)
            extras.append(keywords.features(features) + LegalCues.shared.cues(in: features).map(\.cue.feature))
        }
        let topicLabels = examples.map { topics.firstIndex(of: $0.topic) ?? topics.firstIndex(of: TopicClassifier.fallbackTopic) ?? 0 }
        let kindLabels = examples.map { kinds.firstIndex(of: $0.kind) ?? 0 }
        var topicModel = SoftmaxModel.train(documents: documents, extras: extras, labels: topicLabels, classes: topics, texts: texts)
        var kindModel = SoftmaxModel.train(documents: documents, extras: extras, labels: kindLabels, classes: kinds, texts: texts)
        if calibrate {
            topicModel.temperature = fittedTemperature(documents, extras, topicLabels, topics, texts)
            kindModel.temperature = fittedTemperature(documents, extras, kindLabels, kinds, texts)
        }
        return TopicClassifier(topicModel: topicModel, kindModel: kindModel, taxonomy: taxonomy, threshold: threshold,
                               provenance: provenance)
    }

    /// The temperature that makes the softmax of the margins best predict held-out labels
    /// (lowest log loss over 5 internal folds), so that "confidence 0.8" is right about 8 times in 10.
    static func fittedTemperature(_ documents: [TextFeatures], _ extras: [[UInt64]], _ labels: [Int], _ classes: [String],
                                  _ texts: [UInt64: String]) -> Float {
        var margins: [([Float], Int)] = []
        for fold in 0..<5 {
            let training = documents.indices.filter { $0 % 5 != fold }
            let model = SoftmaxModel.train(documents: training.map { documents[$0] }, extras: training.map { extras[$0] },
                                           labels: training.map { labels[$0] }, classes: classes, texts: texts)
            for index in documents.indices where index % 5 == fold {
                let vector = model.vector(documents[index], extra: extras[index].compactMap { model.rows[$0] })
                margins.append((model.scores(vector), labels[index]))
            }
        }
        var best: (temperature: Float, loss: Float) = (1, .infinity)
        for step in 1...120 {
            let temperature = Float(step) * 0.25
            let loss = margins.reduce(Float(0)) { total, item in
                total - logf(max(SoftmaxModel.softmax(item.0, temperature: temperature)[item.1], 1e-9))
            }
            if loss < best.loss { best = (temperature, loss) }
        }
        return best.temperature
    }
}
