import Foundation
import VietText

/// Suggests a topic and a kind for a grievance, with a confidence and the words that decided.
/// Two softmax models over the same features: one for the 18 topics, one for the 5 kinds. The
/// taxonomy's seed keywords enter as one extra feature per topic ("kw:dat-dai"), so an
/// administrator's keywords count even for words the corpus lacks.
public final class TopicClassifier: Sendable {
    let topicModel: SoftmaxModel
    let kindModel: SoftmaxModel
    /// The taxonomy's keyword phrases → the topics' keyword features.
    let keywords: KeywordIndex
    /// Both models in the layout classifying reads.
    let table: FeatureTable
    /// Below this topic confidence a grievance goes to the triage queue.
    public let threshold: Double
    /// Where the model came from: "corpus/train.tsv: 2117 examples; corrections: 3".
    public let provenance: String
    /// The taxonomy's keywords the model was trained with, in topic order, for the model file.
    let taxonomyKeywords: [(String, [String])]

    public var topics: [String] { topicModel.classes }
    public var kinds: [String] { kindModel.classes }
    public static let fallbackTopic = "khac"
    /// Below this share of words the model has seen, a text is treated as not Vietnamese grievance text.
    static let minimumKnownShare = 0.4

    init(topicModel: SoftmaxModel, kindModel: SoftmaxModel, taxonomy: [TaxonomyTopic], threshold: Double, provenance: String) {
        self.topicModel = topicModel
        self.kindModel = kindModel
        self.threshold = threshold
        self.provenance = provenance
        taxonomyKeywords = taxonomy.map { ($0.id, $0.keywords) }
        keywords = KeywordIndex(TopicClassifier.keywordTable(taxonomy))
        table = FeatureTable(topicModel: topicModel, kindModel: kindModel)
    }

    static func keywordFeature(_ topic: String) -> (hash: UInt64, text: String) {
        let text = "kw:" + topic
        return (FeatureHash.hash(ngram: "§" + text), text)
    }

    static func keywordTable(_ taxonomy: [TaxonomyTopic]) -> [(phrase: UInt64, words: Int, feature: UInt64)] {
        var table: [(phrase: UInt64, words: Int, feature: UInt64)] = []
        for topic in taxonomy {
            let feature = keywordFeature(topic.id).hash
            for keyword in topic.keywords {
                let words = VietText.fold(keyword).split(separator: " ").prefix(3)
                guard !words.isEmpty else { continue }
                table.append((FeatureHash.hash(ngram: words.joined(separator: " ")), words.count, feature))
            }
        }
        return table
    }

    public static let corruptionTopic = "can-bo-tham-nhung"
    /// The kinds' legal tests: which cues speak for which kind, in the explanation.
    static let kindCues: [String: [LegalCues.Cue]] = [
        "to-cao": [.denounces, .wrongdoing, .official, .dealWith], "khieu-nai": [.contests, .decision],
        "kien-nghi": [.asks], "y-kien": [.opinion],
    ]
    /// Above this the kind model's own answer stands against the denunciation test.
    static let confidentKind: Float = 0.8
    /// Missing a tố cáo costs far more than asking a person to look at a phản ánh: from this
    /// probability of tố cáo (the kind model's, before calibration, so cross-validation folds and the
    /// shipped model read it alike) the suggestion is tố cáo for review, though another kind ranks first.
    /// Chosen by `danvan model eval`'s cross-validated sweep (corpus/README.md, "Denunciation floor").
    public static let defaultDenunciationFloor: Float = 0.25

    /// - Parameter explain: find the words that decided (for people); imports that only route skip it.
    /// - Parameter denunciationFloor: `defaultDenunciationFloor` unless an evaluation sweeps it; above 1 the rule is off.
    public func classify(_ text: String, explain wantsExplanation: Bool = true,
                         denunciationFloor: Float = TopicClassifier.defaultDenunciationFloor) -> Classification {
        let features = TextFeatures(text)
        let cues = LegalCues.shared.cues(in: features)
        let extra = keywords.features(features) + cues.map(\.cue.feature)
        let vector = table.vector(features, extra: extra.compactMap { table.base(of: $0) })
        // Mostly unknown words (another language, noise): the model would only be guessing. The
        // rows were just read for the vector, so these look-ups hit the cache.
        let words = features.wordStarts.count
        let known = features.wordHashes.reduce(0) { $0 + (table.base(of: $1) != nil ? 1 : 0) }
        guard !vector.isEmpty, Double(known) >= TopicClassifier.minimumKnownShare * Double(words) else {
            // Nothing the model knows (empty, another language, noise): "khác", for a person to look at.
            return Classification(topic: TopicClassifier.fallbackTopic, confidence: 0.05, alternatives: [], kind: "phan-anh",
                                  kindConfidence: 0.2, explanation: [], needsReview: true)
        }
        // Both models share the vocabulary and IDF (trained on the same documents): one vector serves both.
        let scores = table.scores(vector, topicBias: topicModel.bias, kindBias: kindModel.bias)
        let p = SoftmaxModel.softmax(scores.topics, temperature: topicModel.temperature)
        var ranked = p.indices.sorted { p[$0] > p[$1] }
        let kp = SoftmaxModel.softmax(scores.kinds, temperature: kindModel.temperature)
        let kindBest = kp.indices.max { kp[$0] < kp[$1] } ?? 0
        let toCaoIndex = kindModel.classes.firstIndex(of: "to-cao")
        let denunciationProbability = toCaoIndex.map { SoftmaxModel.softmax(scores.kinds, temperature: 1)[$0] } ?? 0
        var kind = kindModel.classes[kindBest]
        var kindConfidence = Double(kp[kindBest])
        var needsReview = false
        var notes: [String] = []

        // A denunciation read as a phản ánh loses its confidentiality and may reach the unit it
        // accuses: where the text meets the law's test and the model is unsure, the suggestion is
        // tố cáo, for a person to confirm.
        let has = Set(cues.map(\.cue))
        let denounces = has.contains(.denounces) || (has.contains(.wrongdoing) && (has.contains(.official) || has.contains(.dealWith)))
        if denounces && kind != "to-cao" && (kind == "phan-anh" || kp[kindBest] < TopicClassifier.confidentKind),
           let toCao = kindModel.classes.firstIndex(of: "to-cao") {
            notes.append("có dấu hiệu tố cáo, mô hình gợi ý \(kind) (\(Int((kindConfidence * 100).rounded()))%): cần cán bộ xác nhận")
            kind = "to-cao"
            kindConfidence = Double(kp[toCao])
            needsReview = true
        } else if kind != "to-cao", denunciationProbability >= denunciationFloor, let toCao = toCaoIndex {
            notes.append("khả năng là tố cáo \(Int((Double(denunciationProbability) * 100).rounded()))%, mô hình gợi ý \(kind): cần cán bộ xác nhận")
            kind = "to-cao"
            kindConfidence = Double(kp[toCao])
            needsReview = true
        }
        // Wrongdoing by someone in office is the corruption topic whatever sector it happens in;
        // a quarrel with a neighbour or a company is not.
        // Only for a denunciation the model itself, or the letter in so many words, calls one: a
        // kind set for review does not also move the topic.
        let modelRanked = ranked
        let firmDenunciation = kindModel.classes[kindBest] == "to-cao" || has.contains(.denounces)
        if kind == "to-cao", firmDenunciation, let corruption = topicModel.classes.firstIndex(of: TopicClassifier.corruptionTopic) {
            if has.contains(.wrongdoing) && has.contains(.official) && ranked[0] != corruption {
                notes.append("người có chức vụ có hành vi sai phạm: chủ đề \(TopicClassifier.corruptionTopic)")
                ranked.removeAll { $0 == corruption }
                ranked.insert(corruption, at: 0)
            } else if ranked[0] == corruption && !has.contains(.official) && has.contains(.privateParty) {
                notes.append("người bị tố cáo không có chức vụ: không phải chủ đề \(TopicClassifier.corruptionTopic)")
                ranked.append(ranked.removeFirst())
            }
        }
        let best = ranked[0]
        let moved = best != modelRanked[0]
        // A topic the legal test set is as sure as the test: it does not fall below the triage bar
        // because the model spread its probability elsewhere.
        let confidence = moved ? max(Double(p[best]), threshold) : Double(p[best])
        // The legal tests met for the kind: always for a tố cáo and when a rule acted, so that staff
        // see why a letter is treated as a denunciation.
        let reasons = !wantsExplanation && notes.isEmpty && kind != "to-cao" ? [] : (TopicClassifier.kindCues[kind] ?? []).compactMap { cue in
            cues.first { $0.cue == cue }.map { "\(cue.vietnamese): “\(TopicClassifier.original(of: $0.phrase, features: features, text: text))”" }
        }
        return Classification(
            topic: topicModel.classes[best], confidence: confidence,
            alternatives: ranked.dropFirst().prefix(3).map { (topicModel.classes[$0], Double(p[$0])) },
            kind: kind, kindConfidence: kindConfidence,
            explanation: wantsExplanation
                ? explain(vector.map { (table.row(at: $0.base), $0.value) }, class: best, features: features, text: text) : [],
            needsReview: needsReview || confidence < threshold,
            kindExplanation: reasons + notes, ruleApplied: !notes.isEmpty,
            modelTopic: moved ? (topicModel.classes[modelRanked[0]], Double(p[modelRanked[0]])) : nil,
            denunciationProbability: Double(denunciationProbability))
    }

    /// A folded phrase as the citizen wrote it, where the words line up; else the folded phrase.
    static func original(of phrase: String, features: TextFeatures, text: String) -> String {
        let parts = phrase.split(separator: " ").map { Array($0.utf8) }
        guard let start = features.wordStarts.indices.first(where: { i in
            i + parts.count <= features.wordStarts.count && parts.indices.allSatisfy { k in
                features.folded[features.wordStarts[i + k]..<features.wordEnds[i + k]].elementsEqual(parts[k])
            }
        }) else { return phrase }
        let original = wordRanges(text, limit: features.wordStarts.count)
        guard original.count == features.wordStarts.count else { return phrase }
        return String(text[original[start].lowerBound..<original[start + parts.count - 1].upperBound])
    }

    /// The n-grams that pushed the chosen topic most, shown as the citizen wrote them.
    private func explain(_ vector: [(Int, Float)], class c: Int, features: TextFeatures, text: String) -> [String] {
        let width = topicModel.classes.count
        let contributions = vector.map { (row: $0.0, value: topicModel.weights[$0.0 * width + c] * $0.1) }
            .filter { $0.value > 0.02 && !topicModel.texts[$0.row].hasPrefix("kw:") && !topicModel.texts[$0.row].hasPrefix("cue:") }.sorted { $0.value > $1.value }
        guard !contributions.isEmpty else { return [] }
        // The original words, in the same order as the folded ones (both split at letters and digits).
        let original = TopicClassifier.wordRanges(text, limit: features.wordStarts.count)
        let aligned = original.count == features.wordStarts.count
        var shown: [String] = []
        var used = Set<Int>()
        for contribution in contributions where shown.count < 4 {
            let parts = topicModel.texts[contribution.row].split(separator: " ").map { Array($0.utf8) }
            // Where the n-gram occurs in the folded words.
            guard let start = features.wordStarts.indices.first(where: { i in
                i + parts.count <= features.wordStarts.count && parts.indices.allSatisfy { k in
                    features.folded[features.wordStarts[i + k]..<features.wordEnds[i + k]].elementsEqual(parts[k])
                }
            }) else { continue }
            let words = start..<start + parts.count
            // A word already shown as part of another n-gram is not shown twice.
            guard words.allSatisfy({ !used.contains($0) }) else { continue }
            used.formUnion(words)
            if aligned {
                shown.append(String(text[original[words.lowerBound].lowerBound..<original[words.upperBound - 1].upperBound]))
            } else {
                shown.append(topicModel.texts[contribution.row])
            }
        }
        return shown
    }

    /// Ranges of the runs of letters, digits and combining marks, at most `limit` of them.
    static func wordRanges(_ text: String, limit: Int) -> [Range<String.Index>] {
        // The table once per call: reading a static in the loop costs a `swift_once` check per scalar.
        let table = wordScalars
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            let value = Int(scalar.value)
            return value < table.count ? table[value] : isWordScalar(scalar)
        }
        var ranges: [Range<String.Index>] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex && ranges.count <= limit {
            guard isWord(scalars[index]) else {
                index = scalars.index(after: index)
                continue
            }
            let start = index
            while index < scalars.endIndex && isWord(scalars[index]) { index = scalars.index(after: index) }
            ranges.append(start..<index)
        }
        return ranges
    }

    /// Letters, digits and combining marks below U+1F00, looked up once.
    private static let wordScalars: [Bool] = (0..<0x1F00).map { value in
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || (0x300...0x36F).contains(value)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        if value < wordScalars.count { return wordScalars[value] }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
