import Foundation

/// Both models' features laid out for classifying one text after another: a feature's hash, IDF,
/// topic weights and kind weights sit side by side in one row, found through a table of small
/// slots. Classifying was bound by memory, not arithmetic: a feature looked up in `FeatureIndex`
/// and then read from the IDF and the two weight arrays touched five or six cache lines in a
/// 4.6 MB model; here it touches the slot and the row's two or three (a row is 104 bytes).
struct FeatureTable: Sendable {
    /// Open addressing on the hash's low bits: row + 1, 0 for an empty slot; a quarter full.
    private let slots: [Int32]
    private let mask: Int
    /// Per row `stride` words: the hash's two halves, then the IDF, the topic weights and the kind
    /// weights as the bit patterns of their floats. Integers, not floats, so that no load or store
    /// can ever change a hash half that happens to look like a signalling NaN.
    private let data: [UInt32]
    let topicCount: Int
    let kindCount: Int
    let stride: Int
    static let idfOffset = 2
    static let weightsOffset = 3

    /// A hash that two rows share (a hand-edited model file can hold "thu  hoi" beside "thu hoi")
    /// finds the later row, as the dictionary the model file is read through does.
    /// - Precondition: both models have the same rows (they are trained on the same documents).
    init(topicModel: SoftmaxModel, kindModel: SoftmaxModel) {
        precondition(topicModel.idf.count == kindModel.idf.count, "the topic and kind models must share their features")
        let count = topicModel.idf.count
        topicCount = topicModel.classes.count
        kindCount = kindModel.classes.count
        stride = FeatureTable.weightsOffset + topicCount + kindCount
        var size = 16
        while size < count * 4 { size <<= 1 }
        mask = size - 1
        var slots = [Int32](repeating: 0, count: size)
        var data = [UInt32](repeating: 0, count: count * stride)
        for row in 0..<count {
            let hash = topicModel.rowHash(row)
            let base = row * stride
            data[base] = UInt32(truncatingIfNeeded: hash)
            data[base + 1] = UInt32(truncatingIfNeeded: hash >> 32)
            data[base + FeatureTable.idfOffset] = topicModel.idf[row].bitPattern
            for c in 0..<topicCount {
                data[base + FeatureTable.weightsOffset + c] = topicModel.weights[row * topicCount + c].bitPattern
            }
            for k in 0..<kindCount {
                data[base + FeatureTable.weightsOffset + topicCount + k] = kindModel.weights[row * kindCount + k].bitPattern
            }
            var slot = FeatureTable.slot(of: hash, mask: mask)
            while slots[slot] != 0 {
                let other = Int(slots[slot] - 1) * stride
                if data[other] == data[base] && data[other + 1] == data[base + 1] { break }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(row + 1)
        }
        self.slots = slots
        self.data = data
    }

    private static func slot(of hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask }

    /// Where the feature's row starts in the table, nil if the model does not know it.
    func base(of hash: UInt64) -> Int? {
        let low = UInt32(truncatingIfNeeded: hash), high = UInt32(truncatingIfNeeded: hash >> 32)
        return slots.withUnsafeBufferPointer { slots in
            data.withUnsafeBufferPointer { data in
                var slot = FeatureTable.slot(of: hash, mask: mask)
                while true {
                    let entry = Int(slots[slot])
                    if entry == 0 { return nil }
                    let base = (entry - 1) * stride
                    if data[base] == low && data[base + 1] == high { return base }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    func row(at base: Int) -> Int { base / stride }

    func idf(at base: Int) -> Float { Float(bitPattern: data[base + FeatureTable.idfOffset]) }

    /// The document as (row start, value) pairs, TF-IDF and L2-normalised exactly as
    /// `SoftmaxModel.vector` computes it (same order of sums, so the same bits).
    func vector(_ features: TextFeatures, extra: [Int]) -> [(base: Int, value: Float)] {
        var vector: [(base: Int, value: Float)] = []
        vector.reserveCapacity(features.counts.count + extra.count)
        for (hash, count) in features.counts {
            guard let base = base(of: hash) else { continue }
            vector.append((base, (1 + logf(Float(count))) * idf(at: base)))
        }
        for base in extra { vector.append((base, idf(at: base))) }
        let norm = vector.reduce(Float(0)) { $0 + $1.value * $1.value }
        if norm > 0 {
            let scale = 1 / norm.squareRoot()
            for i in vector.indices { vector[i].value *= scale }
        }
        return vector
    }

    /// The topic and kind margins, summed in the vector's order as `SoftmaxModel.scores` does.
    func scores(_ vector: [(base: Int, value: Float)], topicBias: [Float], kindBias: [Float]) -> (topics: [Float], kinds: [Float]) {
        var topics = topicBias, kinds = kindBias
        let (topicCount, kindCount) = (self.topicCount, self.kindCount)
        topics.withUnsafeMutableBufferPointer { topics in
            kinds.withUnsafeMutableBufferPointer { kinds in
                data.withUnsafeBufferPointer { data in
                    for (base, value) in vector {
                        let weights = base + FeatureTable.weightsOffset
                        for c in 0..<topicCount { topics[c] += Float(bitPattern: data[weights + c]) * value }
                        for k in 0..<kindCount { kinds[k] += Float(bitPattern: data[weights + topicCount + k]) * value }
                    }
                }
            }
        }
        return (topics, kinds)
    }
}
