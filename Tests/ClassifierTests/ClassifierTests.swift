import Foundation
import Testing
@testable import Classifier

@Suite("Classifier")
struct ClassifierTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpus: [Example] = (try? Corpus.read(path: root.appendingPathComponent("corpus/train.tsv").path)) ?? []
    static let taxonomy: [TaxonomyTopic] = [
        "an-ninh-trat-tu", "an-sinh", "can-bo-tham-nhung", "dat-dai", "dien-nuoc-vien-thong", "doanh-nghiep-dau-tu",
        "giao-duc", "giao-thong", "khac", "moi-truong", "nguoi-co-cong", "nong-nghiep", "tai-chinh-gia",
        "thu-tuc-hanh-chinh", "tu-phap-ho-tich", "van-hoa-ton-giao", "xay-dung-do-thi", "y-te",
    ].map { TaxonomyTopic(id: $0, keywords: $0 == "dat-dai" ? ["thu hồi", "bồi thường", "sổ đỏ"] : []) }
    /// The shipped model (routing-rules/model/classifier.tsv), trained by `danvan model train`.
    static let shipped: TopicClassifier? = try? ModelFile.read(path: root.appendingPathComponent("routing-rules/model/classifier.tsv").path)

    /// A model trained on a part of the corpus, quick enough for every test run.
    static let small: TopicClassifier = ClassifierTrainer.train(
        Array(corpus.filter { $0.fold(of: 4) != 0 }), taxonomy: taxonomy, calibrate: false)

    @Test("the corpus is there and labelled with known codes")
    func corpusIsUsable() {
        #expect(ClassifierTests.corpus.count >= 2000)
        let topics = Set(ClassifierTests.taxonomy.map(\.id))
        #expect(ClassifierTests.corpus.allSatisfy { topics.contains($0.topic) })
        #expect(Set(ClassifierTests.corpus.map(\.kind)) == ["phan-anh", "kien-nghi", "khieu-nai", "to-cao", "y-kien"])
    }

    @Test("training is deterministic: the same data gives the same model file")
    func deterministic() {
        let sample = Array(ClassifierTests.corpus.prefix(400))
        let first = ModelFile.write(ClassifierTrainer.train(sample, taxonomy: ClassifierTests.taxonomy))
        let second = ModelFile.write(ClassifierTrainer.train(sample, taxonomy: ClassifierTests.taxonomy))
        #expect(first == second)
        #expect(ModelFile.version(of: first) == ModelFile.version(of: second))
    }

    @Test("the model file reads back to the same decisions")
    func fileRoundTrip() throws {
        let written = ModelFile.write(ClassifierTests.small)
        let read = try ModelFile.read(written, file: "memory")
        // Weights are rounded and the smallest dropped in the file: decisions may move only where
        // two topics are nearly tied.
        var same = 0, total = 0
        for example in ClassifierTests.corpus.filter({ $0.fold(of: 4) == 0 }) {
            let a = ClassifierTests.small.classify(example.text), b = read.classify(example.text)
            total += 1
            if a.topic == b.topic && a.kind == b.kind { same += 1 } else { #expect(abs(a.confidence - b.confidence) < 0.2) }
        }
        print("classifier: model file reproduces \(same)/\(total) decisions")
        #expect(Double(same) / Double(total) >= 0.98)
        #expect(throws: ModelFile.Problem.self) { try ModelFile.read("topics\ta\nf\tx\t1\t0:abc\t\n", file: "bad.tsv") }
    }

    @Test("held-back quarter of the corpus: most topics and kinds are right")
    func learnsSomething() {
        let held = ClassifierTests.corpus.filter { $0.fold(of: 4) == 0 }
        let (topics, kinds) = Evaluation.evaluate(ClassifierTests.small, on: held)
        // Far above chance (1/18); the acceptance figure comes from `danvan model eval`.
        #expect(topics.accuracy > 0.7)
        #expect(kinds.accuracy > 0.8)
    }

    @Test("kinds are read from the wording", arguments: [
        ("Tố cáo ông Nguyễn Văn X, cán bộ địa chính phường, nhận tiền của dân để làm sổ đỏ", "to-cao"),
        ("Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND vì mức bồi thường không thỏa đáng", "khieu-nai"),
        ("Đề nghị UBND phường lắp thêm đèn chiếu sáng trong hẻm 12", "kien-nghi"),
    ])
    func kinds(text: String, kind: String) throws {
        let classifier = try #require(ClassifierTests.shipped)
        #expect(classifier.classify(text).kind == kind)
    }

    @Test("a clear land complaint: topic, confidence and the words that decided")
    func explanation() throws {
        let classifier = try #require(ClassifierTests.shipped)
        let text = "Gia đình tôi bị thu hồi đất nhưng tiền bồi thường quá thấp, chưa được bố trí tái định cư"
        let result = classifier.classify(text)
        #expect(result.topic == "dat-dai")
        #expect(result.confidence > 0.5 && !result.needsReview)
        #expect(!result.explanation.isEmpty)
        #expect(result.explanation.allSatisfy { text.contains($0) }, "explanations quote the text: \(result.explanation)")
        #expect(result.alternatives.count == 3 && result.alternatives.allSatisfy { $0.confidence <= result.confidence })
    }

    @Test("empty, blank, foreign, noise and 1 MB inputs give khác with low confidence or a result, never a crash",
          arguments: ["", "   \n\t ", "Hello, what time does the office open?", "!!!???...", "12345 67890"])
    func hostile(text: String) throws {
        let classifier = try #require(ClassifierTests.shipped)
        let result = classifier.classify(text)
        #expect(result.topic == "khac" && result.confidence < 0.5 && result.needsReview)
    }

    @Test("a 1 MB letter is classified from its start")
    func huge() throws {
        let classifier = try #require(ClassifierTests.shipped)
        let text = "Khiếu nại về việc thu hồi đất và bồi thường. " + String(repeating: "và ", count: 350_000)
        #expect(text.utf8.count > 1_000_000)
        #expect(classifier.classify(text).topic == "dat-dai")
    }

    @Test("folds are fixed by the id, as the scikit-learn baseline computes them")
    func folds() {
        #expect(Example(id: "T0007", text: "", topic: "", kind: "").fold(of: 5) == 2)
        #expect(Example(id: "C12", text: "", topic: "", kind: "").fold(of: 5) == 2)
    }

    @Test("macro-F1 and the confusion matrix add up")
    func metrics() {
        var evaluation = Evaluation(classes: ["a", "b"])
        evaluation.add(gold: "a", predicted: "a")
        evaluation.add(gold: "a", predicted: "b")
        evaluation.add(gold: "b", predicted: "b")
        #expect(evaluation.confusion == [[1, 1], [0, 1]])
        #expect(abs(evaluation.accuracy - 2.0 / 3) < 1e-9)
        // a: P 1, R 0.5, F1 0.667; b: P 0.5, R 1, F1 0.667
        #expect(abs(evaluation.macroF1 - 2.0 / 3) < 1e-9)
    }
}
