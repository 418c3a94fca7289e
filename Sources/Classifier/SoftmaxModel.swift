import Foundation

/// A linear model over TF-IDF features (sublinear term frequency, L2-normalised): one weight
/// vector per class, trained as one-vs-rest linear SVMs (L2-regularised squared hinge loss, dual
/// coordinate descent as in LIBLINEAR; deterministic). The confidence reported is the softmax
/// of the margins scaled by `temperature`, which `model eval` checks for calibration.
struct SoftmaxModel: Sendable {
    var classes: [String]
    /// Feature hash → row; row → the n-gram's folded text (for explanations and the model file).
    var rows: FeatureIndex
    var texts: [String]
    var idf: [Float]
    /// rows × classes, row-major.
    var weights: [Float]
    var bias: [Float]
    /// Scales margins before the softmax; fitted so that confidences match accuracy.
    var temperature: Float = 1

    struct Options: Sendable {
        /// The SVM's C, as in LIBLINEAR and scikit-learn's LinearSVC.
        var cost: Float = 1
        var epochs = 60
        var temperature: Float = 4
        var seed: UInt64 = 2026
    }

    /// The hash of a feature's text as the model file stores it ("thu hoi", "kw:dat-dai").
    static func hash(featureText text: String) -> UInt64 {
        text.hasPrefix("kw:") || text.hasPrefix("cue:") ? FeatureHash.hash(ngram: "§" + text) : FeatureHash.hash(ngram: text)
    }

    func rowHash(_ row: Int) -> UInt64 { SoftmaxModel.hash(featureText: texts[row]) }

    /// The document as (row, value) pairs: only features the model knows.
    func vector(_ features: TextFeatures, extra: [Int] = []) -> [(Int, Float)] {
        var vector: [(Int, Float)] = []
        vector.reserveCapacity(features.counts.count + extra.count)
        // Features come sorted by hash, the same in every process, so sums are reproducible.
        for (hash, count) in features.counts {
            guard let row = rows[hash] else { continue }
            vector.append((row, (1 + logf(Float(count))) * idf[row]))
        }
        for row in extra { vector.append((row, idf[row])) }
        let norm = vector.reduce(Float(0)) { $0 + $1.1 * $1.1 }
        if norm > 0 {
            let scale = 1 / norm.squareRoot()
            for i in vector.indices { vector[i].1 *= scale }
        }
        return vector
    }

    func scores(_ vector: [(Int, Float)]) -> [Float] {
        var scores = bias
        let width = classes.count
        // Buffers, not arrays: no uniqueness or bounds check per product, so the inner loop is
        // vectorised. Rows come from `rows`, so `base + c` is inside `weights`. Each score still
        // sums its products in the same order, so results are the same to the bit.
        scores.withUnsafeMutableBufferPointer { out in
            weights.withUnsafeBufferPointer { weights in
                for (row, value) in vector {
                    let base = row * width
                    for c in 0..<width { out[c] += weights[base + c] * value }
                }
            }
        }
        return scores
    }

    static func softmax(_ scores: [Float], temperature: Float = 1) -> [Float] {
        let top = scores.max() ?? 0
        let exps = scores.map { expf(($0 - top) * temperature) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }

    func probabilities(_ vector: [(Int, Float)]) -> [Float] { SoftmaxModel.softmax(scores(vector), temperature: temperature) }

    /// Trains on documents with labels (indexes into `classes`). Same data, same options: same model.
    static func train(documents: [TextFeatures], extras: [[UInt64]], labels: [Int], classes: [String],
                      texts: [UInt64: String], options: Options = Options()) -> SoftmaxModel {
        // Vocabulary and IDF, rows in a stable order (sorted by text) so the file is reproducible.
        var documentFrequency: [UInt64: Int] = [:]
        for (index, document) in documents.enumerated() {
            for (hash, _) in document.counts { documentFrequency[hash, default: 0] += 1 }
            for hash in Set(extras[index]) { documentFrequency[hash, default: 0] += 1 }
        }
        let kept = documentFrequency.keys.filter { texts[$0] != nil }.sorted { texts[$0]! < texts[$1]! }
        var rows = FeatureIndex(capacity: kept.count)
        for (row, hash) in kept.enumerated() { rows[hash] = row }
        let n = Float(documents.count)
        let idf = kept.map { logf((1 + n) / (1 + Float(documentFrequency[$0]!))) + 1 }
        var model = SoftmaxModel(classes: classes, rows: rows, texts: kept.map { texts[$0]! }, idf: idf,
                                 weights: Array(repeating: 0, count: kept.count * classes.count),
                                 bias: Array(repeating: 0, count: classes.count), temperature: options.temperature)
        let vectors = documents.enumerated().map { index, document in
            model.vector(document, extra: extras[index].compactMap { rows[$0] })
        }
        // Squared norms, with the constant bias feature (value 1) that LIBLINEAR appends.
        let diagonal = 1 / (2 * options.cost)
        let q = vectors.map { $0.reduce(Float(1)) { $0 + $1.1 * $1.1 } + diagonal }
        let width = classes.count
        for c in 0..<width {
            var w = [Float](repeating: 0, count: kept.count)
            var b: Float = 0
            var alpha = [Float](repeating: 0, count: vectors.count)
            var order = Array(vectors.indices)
            var random = SplitMix64(seed: options.seed &+ UInt64(c))
            for _ in 0..<options.epochs {
                order.shuffle(using: &random)
                var largestStep: Float = 0
                for i in order {
                    let y: Float = labels[i] == c ? 1 : -1
                    var margin = b
                    for (row, value) in vectors[i] { margin += w[row] * value }
                    let gradient = y * margin - 1 + diagonal * alpha[i]
                    let projected = alpha[i] == 0 ? min(gradient, 0) : gradient
                    guard projected != 0 else { continue }
                    let old = alpha[i]
                    alpha[i] = max(old - gradient / q[i], 0)
                    let step = (alpha[i] - old) * y
                    for (row, value) in vectors[i] { w[row] += step * value }
                    b += step
                    largestStep = max(largestStep, abs(projected))
                }
                if largestStep < 1e-3 { break }
            }
            for row in 0..<kept.count { model.weights[row * width + c] = w[row] }
            model.bias[c] = b
        }
        return model
    }
}

/// A small seeded generator: training shuffles the same way every time.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
