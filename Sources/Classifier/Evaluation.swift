/// Precision, recall and F1 per class, macro-F1, accuracy and the confusion matrix.
public struct Evaluation: Sendable {
    public struct ClassScores: Sendable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public var classes: [String]
    /// confusion[gold][predicted]
    public var confusion: [[Int]]

    public init(classes: [String]) {
        self.classes = classes
        confusion = Array(repeating: Array(repeating: 0, count: classes.count), count: classes.count)
    }

    public mutating func add(gold: String, predicted: String) {
        guard let g = classes.firstIndex(of: gold), let p = classes.firstIndex(of: predicted) else { return }
        confusion[g][p] += 1
    }

    public var perClass: [ClassScores] {
        classes.indices.map { c in
            let truePositives = Double(confusion[c][c])
            let predicted = Double(confusion.map { $0[c] }.reduce(0, +))
            let actual = Double(confusion[c].reduce(0, +))
            let precision = predicted > 0 ? truePositives / predicted : 0
            let recall = actual > 0 ? truePositives / actual : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return ClassScores(label: classes[c], precision: precision, recall: recall, f1: f1, support: Int(actual))
        }
    }

    /// Mean F1 over the classes that occur.
    public var macroF1: Double {
        let present = perClass.filter { $0.support > 0 }
        return present.isEmpty ? 0 : present.map(\.f1).reduce(0, +) / Double(present.count)
    }

    public var accuracy: Double {
        let total = confusion.joined().reduce(0, +)
        return total == 0 ? 0 : Double(classes.indices.map { confusion[$0][$0] }.reduce(0, +)) / Double(total)
    }

    /// k-fold cross-validation: train on k-1 folds, predict the held-out one, add up.
    /// `floors` also scores the kinds at each of these denunciation floors (the sweep that chose the default).
    public static func crossValidate(_ examples: [Example], taxonomy: [TaxonomyTopic], folds k: Int, floors: [Float] = [])
        -> (topics: Evaluation, kinds: Evaluation, sweep: [(floor: Float, kinds: Evaluation)]) {
        let kindClasses = ["phan-anh", "kien-nghi", "khieu-nai", "to-cao", "y-kien"]
        var topics = Evaluation(classes: taxonomy.map(\.id))
        var kinds = Evaluation(classes: kindClasses)
        var sweep = floors.map { (floor: $0, kinds: Evaluation(classes: kindClasses)) }
        for fold in 0..<k {
            let training = examples.filter { $0.fold(of: k) != fold }
            let classifier = ClassifierTrainer.train(training, taxonomy: taxonomy, calibrate: false)
            for example in examples where example.fold(of: k) == fold {
                let result = classifier.classify(example.text)
                topics.add(gold: example.topic, predicted: result.topic)
                kinds.add(gold: example.kind, predicted: result.kind)
                for index in sweep.indices {
                    let swept = classifier.classify(example.text, explain: false, denunciationFloor: sweep[index].floor)
                    sweep[index].kinds.add(gold: example.kind, predicted: swept.kind)
                }
            }
        }
        return (topics, kinds, sweep)
    }

    public static func evaluate(_ classifier: TopicClassifier, on examples: [Example]) -> (topics: Evaluation, kinds: Evaluation) {
        var topics = Evaluation(classes: classifier.topics)
        var kinds = Evaluation(classes: classifier.kinds)
        for example in examples {
            let result = classifier.classify(example.text)
            topics.add(gold: example.topic, predicted: result.topic)
            kinds.add(gold: example.kind, predicted: result.kind)
        }
        return (topics, kinds)
    }
}
