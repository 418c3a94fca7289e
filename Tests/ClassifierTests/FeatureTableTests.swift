import Foundation
import Testing
@testable import Classifier

/// The classifier's cache-friendly table and keyword index must decide exactly as the models and
/// the keyword list they are built from: same vector, same margins, to the bit.
@Suite("Classifier: look-up tables")
struct FeatureTableTests {
    static let texts: [String] = ClassifierTests.corpus.prefix(600).map(\.text) + [
        "", "The quick brown fox jumps over the lazy dog", "thu hồi đất bồi thường sổ đỏ thu hồi",
        "THU HOI DAT, boi thuong thap", "ma túy tín dụng đen đánh nhau trộm cắp",
    ]

    /// The keyword features as the classifier found them before the index: every keyword
    /// searched for in the text, in the taxonomy's order, each feature once.
    static func scanned(_ keywords: [(phrase: UInt64, words: Int, feature: UInt64)], _ features: TextFeatures) -> [UInt64] {
        var found: [UInt64] = []
        for keyword in keywords {
            let present = keyword.words == 3 ? features.trigrams.contains(keyword.phrase)
                : features.counts.contains { $0.hash == keyword.phrase }
            if present && !found.contains(keyword.feature) { found.append(keyword.feature) }
        }
        return found
    }

    @Test("the keyword index finds what searching every keyword finds, in the same order")
    func keywordsMatchTheScan() throws {
        let classifier = try #require(ClassifierTests.shipped)
        let table = classifier.keywords.keywords
        #expect(table.count > 50)
        var triggered = 0
        for text in FeatureTableTests.texts {
            let features = TextFeatures(text)
            let expected = FeatureTableTests.scanned(table, features)
            #expect(classifier.keywords.features(features) == expected, "\(text)")
            triggered += expected.isEmpty ? 0 : 1
        }
        // The comparison means something only if keywords fire on many texts.
        #expect(triggered > 100)
    }

    @Test("a phrase under two topics triggers both, and a three-word phrase only as a trigram")
    func sharedAndLongPhrases() {
        let taxonomy = [TaxonomyTopic(id: "dat-dai", keywords: ["thu hồi", "giấy chứng nhận"]),
                        TaxonomyTopic(id: "xay-dung-do-thi", keywords: ["thu hồi", "lòng lề đường"])]
        let table = TopicClassifier.keywordTable(taxonomy)
        let index = KeywordIndex(table)
        let both = TextFeatures("Thu hồi đất và giấy chứng nhận")
        #expect(index.features(both) == FeatureTableTests.scanned(table, both))
        #expect(index.features(both).count == 2)
        let trigram = TextFeatures("lấn chiếm lòng lề đường")
        #expect(index.features(trigram) == [TopicClassifier.keywordFeature("xay-dung-do-thi").hash])
        let partial = TextFeatures("lòng lề")
        #expect(index.features(partial).isEmpty)
    }

    @Test("the table's vector and margins equal the two models' to the bit")
    func sameNumbers() throws {
        let classifier = try #require(ClassifierTests.shipped)
        let (topicModel, kindModel, table) = (classifier.topicModel, classifier.kindModel, classifier.table)
        var compared = 0
        for text in FeatureTableTests.texts {
            let features = TextFeatures(text)
            let extra = classifier.keywords.features(features)
            let reference = topicModel.vector(features, extra: extra.compactMap { topicModel.rows[$0] })
            let fast = table.vector(features, extra: extra.compactMap { table.base(of: $0) })
            #expect(fast.map { table.row(at: $0.base) } == reference.map(\.0), "\(text)")
            #expect(fast.map(\.value.bitPattern) == reference.map(\.1.bitPattern), "\(text)")
            let scores = table.scores(fast, topicBias: topicModel.bias, kindBias: kindModel.bias)
            #expect(scores.topics.map(\.bitPattern) == topicModel.scores(reference).map(\.bitPattern), "\(text)")
            #expect(scores.kinds.map(\.bitPattern) == kindModel.scores(reference).map(\.bitPattern), "\(text)")
            compared += reference.isEmpty ? 0 : 1
        }
        #expect(compared > 500)
    }

    @Test("every feature of the model is found at the row the model's own index gives, and unknown hashes are not")
    func lookUps() throws {
        let classifier = try #require(ClassifierTests.shipped)
        let (model, table) = (classifier.topicModel, classifier.table)
        for row in model.texts.indices {
            let hash = model.rowHash(row)
            let base = try #require(table.base(of: hash))
            let expected = try #require(model.rows[hash])
            #expect(table.row(at: base) == expected)
            #expect(table.idf(at: base) == model.idf[expected])
        }
        // A table that skipped comparing hashes would answer for these: n-grams of no text.
        for row in stride(from: 0, to: model.texts.count, by: 3) {
            let absent = FeatureHash.hash(ngram: model.texts[row] + " qqzx")
            #expect(table.base(of: absent) == nil && model.rows[absent] == nil)
        }
    }

    @Test("two rows with one hash: the later one answers, as in the model file's index")
    func repeatedHash() {
        // Runs of spaces hash as one, so these two rows share a hash.
        let texts = ["thu hoi", "dat dai", "thu  hoi"]
        var rows: [UInt64: Int] = [:]
        for (row, text) in texts.enumerated() { rows[SoftmaxModel.hash(featureText: text)] = row }
        let topics = SoftmaxModel(classes: ["a", "b"], rows: FeatureIndex(rows), texts: texts, idf: [1, 2, 3],
                                  weights: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], bias: [0, 0])
        let kinds = SoftmaxModel(classes: ["k"], rows: FeatureIndex(rows), texts: texts, idf: [1, 2, 3],
                                 weights: [1, 2, 3], bias: [0])
        let table = FeatureTable(topicModel: topics, kindModel: kinds)
        let base = table.base(of: FeatureHash.hash(ngram: "thu hoi"))
        #expect(base.map(table.row) == 2)
        #expect(base.map(table.idf) == 3)
        #expect(table.base(of: FeatureHash.hash(ngram: "dat dai")).map(table.row) == 1)
    }

    @Test("classify decides as the two models computed one by one did: topic, kind, confidences, alternatives")
    func sameDecisions() throws {
        let classifier = try #require(ClassifierTests.shipped)
        let (topicModel, kindModel) = (classifier.topicModel, classifier.kindModel)
        var decided = 0, ruled = 0
        for text in FeatureTableTests.texts {
            let features = TextFeatures(text)
            let cues = LegalCues.shared.cues(in: features).map(\.cue.feature)
            let extra = (FeatureTableTests.scanned(classifier.keywords.keywords, features) + cues).compactMap { topicModel.rows[$0] }
            let vector = topicModel.vector(features, extra: extra)
            let known = features.wordHashes.filter { topicModel.rows[$0] != nil }.count
            let result = classifier.classify(text, explain: false)
            guard !vector.isEmpty, Double(known) >= TopicClassifier.minimumKnownShare * Double(features.wordStarts.count) else {
                #expect(result.topic == TopicClassifier.fallbackTopic && result.needsReview, "\(text)")
                continue
            }
            let p = topicModel.probabilities(vector), kp = kindModel.probabilities(vector)
            let ranked = p.indices.sorted { p[$0] > p[$1] }
            let kind = kp.indices.max { kp[$0] < kp[$1] }!
            // The legal tests may set the kind (a denunciation the model is unsure of) or the topic
            // (an official's wrongdoing); they say so, and change nothing else.
            guard !result.ruleApplied else {
                #expect(result.kind == "to-cao", "\(text)")
                #expect(result.kind != kindModel.classes[kind] || result.topic != topicModel.classes[ranked[0]], "\(text)")
                ruled += 1
                continue
            }
            #expect(result.topic == topicModel.classes[ranked[0]], "\(text)")
            #expect(result.confidence == Double(p[ranked[0]]), "\(text)")
            #expect(result.alternatives.map(\.topic) == ranked.dropFirst().prefix(3).map { topicModel.classes[$0] }, "\(text)")
            #expect(result.alternatives.map(\.confidence) == ranked.dropFirst().prefix(3).map { Double(p[$0]) }, "\(text)")
            #expect(result.kind == kindModel.classes[kind] && result.kindConfidence == Double(kp[kind]), "\(text)")
            #expect(result.needsReview == (Double(p[ranked[0]]) < classifier.threshold), "\(text)")
            decided += 1
        }
        #expect(decided > 500)
        #expect(ruled < decided / 20)
    }
}
