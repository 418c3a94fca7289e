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
            let present = keyword.words == 3 ? features.containsTrigram(keyword.phrase) : features.contains(keyword.phrase)
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

    @Test("every feature of the model is found at its own row, and unknown hashes are not")
    func lookUps() throws {
        let classifier = try #require(ClassifierTests.shipped)
        let (model, table) = (classifier.topicModel, classifier.table)
        for row in stride(from: 0, to: model.texts.count, by: 7) {
            let base = try #require(table.base(of: model.rowHash(row)))
            #expect(table.row(at: base) == row)
            #expect(table.idf(at: base) == model.idf[row])
        }
        var unknown = SplitMix64(seed: 7)
        for _ in 0..<10_000 {
            let hash = unknown.next()
            #expect((table.base(of: hash) == nil) == (model.rows[hash] == nil))
        }
    }
}
