import Foundation

/// The classifier's file (routing-rules/model/classifier.tsv): plain text, one feature a line
/// with its IDF and its non-zero weights per class, so a change shows in a diff.
///
///     # danvan classifier model, format 1
///     provenance	corpus/train.tsv: 2117 examples; corrections: 0
///     threshold	0.5
///     topics	an-ninh-trat-tu	…          kinds	phan-anh	…
///     keywords	dat-dai	thu hồi|bồi thường|…
///     topic-bias	0.12	…                  kind-bias	…
///     f	thu hoi	3.41	0:1.203,7:-0.118	2:0.4
public enum ModelFile {
    static let header = "# danvan classifier model, format 1"

    public struct Problem: Error, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// A short hash of the file's contents: decisions and reports cite it.
    public static func version(of contents: String) -> String {
        String(FeatureHash.hash(Array(contents.utf8)[...]), radix: 16)
    }

    public static func write(_ classifier: TopicClassifier) -> String {
        let topic = classifier.topicModel, kind = classifier.kindModel
        var lines = [header, "provenance\t\(classifier.provenance)", "threshold\t\(classifier.threshold)",
                     "topics\t" + topic.classes.joined(separator: "\t"), "kinds\t" + kind.classes.joined(separator: "\t")]
        for (topicID, words) in classifier.taxonomyKeywords { lines.append("keywords\t\(topicID)\t" + words.joined(separator: "|")) }
        func number(_ value: Float) -> String { String(format: "%.3g", value) }
        lines.append("temperature\t\(topic.temperature)\t\(kind.temperature)")
        lines.append("topic-bias\t" + topic.bias.map(number).joined(separator: "\t"))
        lines.append("kind-bias\t" + kind.bias.map(number).joined(separator: "\t"))
        func sparse(_ model: SoftmaxModel, _ row: Int) -> String {
            let width = model.classes.count
            return (0..<width).compactMap { c -> String? in
                let w = model.weights[row * width + c]
                return abs(w) < 0.02 ? nil : "\(c):\(number(w))"
            }.joined(separator: ",")
        }
        // Both models share the vocabulary (trained on the same documents).
        for row in topic.texts.indices {
            let kindRow = kind.rows[topic.rowHash(row)] ?? -1
            let topicWeights = sparse(topic, row), kindWeights = kindRow >= 0 ? sparse(kind, kindRow) : ""
            // Kept even without weights: its IDF still counts in every document's normalisation.
            lines.append("f\t\(topic.texts[row])\t\(number(topic.idf[row]))\t\(topicWeights)\t\(kindWeights)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func read(path: String) throws -> TopicClassifier {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(file: path, line: 0, message: "không đọc được tệp mô hình; tạo bằng 'danvan model train' (cannot be read)")
        }
        return try read(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func read(_ contents: String, file: String) throws -> TopicClassifier {
        var provenance = "", threshold = ClassifierTrainer.defaultThreshold
        var topics: [String] = [], kinds: [String] = [], topicBias: [Float] = [], kindBias: [Float] = []
        var taxonomy: [TaxonomyTopic] = []
        var temperatures: (Float, Float) = (1, 1)
        var texts: [String] = [], idf: [Float] = [], topicWeights: [Float] = [], kindWeights: [Float] = []
        // Bytes, not Characters: the file has 30,000 lines and reading it was most of the start-up time.
        let bytes = Array(contents.utf8)
        var lineStart = 0, lineNumber = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            lineNumber += 1
            guard !line.isEmpty, line.first != UInt8(ascii: "#") else { continue }
            let fields = line.split(separator: 9, omittingEmptySubsequences: false)
            func fail(_ message: String) -> Problem { Problem(file: file, line: lineNumber, message: message) }
            if fields[0].elementsEqual("f".utf8) {
                guard fields.count == 5, let value = parseFloat(fields[2]), !topics.isEmpty, !kinds.isEmpty else {
                    throw fail("feature line: expected f, n-gram, idf, topic weights, kind weights (after the topics and kinds lines)")
                }
                texts.append(String(decoding: fields[1], as: UTF8.self))
                idf.append(value)
                guard appendDense(fields[3], width: topics.count, to: &topicWeights),
                      appendDense(fields[4], width: kinds.count, to: &kindWeights) else {
                    throw fail("weights are not class:weight pairs")
                }
                continue
            }
            let f = fields.map { String(decoding: $0, as: UTF8.self) }
            switch f[0] {
            case "provenance": provenance = f.count > 1 ? f[1] : ""
            case "threshold":
                guard f.count == 2, let value = Double(f[1]) else { throw fail("threshold: expected a number") }
                threshold = value
            case "topics": topics = Array(f.dropFirst())
            case "kinds": kinds = Array(f.dropFirst())
            case "keywords":
                guard f.count == 3 else { throw fail("keywords: expected topic and words") }
                taxonomy.append(TaxonomyTopic(id: f[1], keywords: f[2].split(separator: "|").map(String.init)))
            case "temperature":
                guard f.count == 3, let t = Float(f[1]), let k = Float(f[2]) else { throw fail("temperature: expected two numbers") }
                temperatures = (t, k)
            case "topic-bias": topicBias = f.dropFirst().compactMap(Float.init)
            case "kind-bias": kindBias = f.dropFirst().compactMap(Float.init)
            default:
                throw fail("unknown line '\(f[0])'")
            }
        }
        guard !topics.isEmpty, topicBias.count == topics.count, kindBias.count == kinds.count else {
            throw Problem(file: file, line: 0, message: "incomplete model: topics, kinds and both bias lines are required")
        }
        var rows: [UInt64: Int] = [:]
        for (row, text) in texts.enumerated() { rows[SoftmaxModel.hash(featureText: text)] = row }
        let index = FeatureIndex(rows)
        let topicModel = SoftmaxModel(classes: topics, rows: index, texts: texts, idf: idf, weights: topicWeights, bias: topicBias,
                                      temperature: temperatures.0)
        let kindModel = SoftmaxModel(classes: kinds, rows: index, texts: texts, idf: idf, weights: kindWeights, bias: kindBias,
                                     temperature: temperatures.1)
        return TopicClassifier(topicModel: topicModel, kindModel: kindModel, taxonomy: taxonomy, threshold: threshold,
                               provenance: provenance)
    }

    /// Appends one dense row from "c:w,c:w" (bytes, no intermediate strings: a model has 25,000 rows).
    static func appendDense(_ text: ArraySlice<UInt8>, width: Int, to weights: inout [Float]) -> Bool {
        let base = weights.count
        weights.append(contentsOf: repeatElement(0, count: width))
        var index = text.startIndex
        while index < text.endIndex {
            var column = 0, digits = 0
            while index < text.endIndex, text[index] >= 48, text[index] <= 57 {
                column = column * 10 + Int(text[index] - 48)
                digits += 1
                index += 1
            }
            guard digits > 0, index < text.endIndex, text[index] == UInt8(ascii: ":"), column < width else { return false }
            index += 1
            let start = index
            while index < text.endIndex, text[index] != UInt8(ascii: ",") { index += 1 }
            // A slice of the line, not a copy: a model has 25,000 rows of these.
            guard let value = parseFloat(text[start..<index]) else { return false }
            weights[base + column] = value
            if index < text.endIndex { index += 1 }
        }
        return true
    }

    /// "-0.0523", "1.2e-05", "3" → the number.
    static func parseFloat(_ bytes: ArraySlice<UInt8>) -> Float? {
        var index = bytes.startIndex
        var negative = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var mantissa: Double = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        while index < bytes.endIndex {
            let b = bytes[index]
            if b >= 48 && b <= 57 {
                mantissa = mantissa * 10 + Double(b - 48)
                digits += 1
                if seenPoint { scale -= 1 }
            } else if b == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
            index += 1
            var exponentNegative = false
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0
            guard index < bytes.endIndex else { return nil }
            while index < bytes.endIndex {
                let b = bytes[index]
                guard b >= 48 && b <= 57 else { return nil }
                exponent = exponent * 10 + Int(b - 48)
                index += 1
            }
            scale += exponentNegative ? -exponent : exponent
        }
        let value = mantissa * pow(10, Double(scale))
        return Float(negative ? -value : value)
    }
}
