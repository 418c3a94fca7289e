import VietText

/// The features of a text: folded unigrams and bigrams (as hashes) with their counts.
/// Folding makes "Thu hồi", "thu hoi" and "THU HỒI" one feature, since people type all three.
struct TextFeatures {
    /// Unigram and bigram hashes with how often each occurs, sorted by hash: the order is the
    /// same in every process (dictionaries are not), so the model's sums are too.
    var counts: [(hash: UInt64, count: Int)] = []
    /// Trigram hashes in text order, only to spot the taxonomy's three-word keywords.
    var trigrams: [UInt64] = []
    /// Hash → the n-gram as folded text, filled only when training asks for it.
    var texts: [UInt64: String] = [:]
    /// The folded text and where its words are, for explanations.
    var folded: [UInt8] = []
    var wordStarts: [Int] = []
    var wordEnds: [Int] = []
    /// Each word's unigram hash, in text order.
    var wordHashes: [UInt64] = []

    /// Only the start of a very long letter is read: the subject is stated early, and a 1 MB
    /// paste must not cost a second.
    static let characterLimit = 20_000

    init(_ text: String, recordTexts: Bool = false) {
        let clipped = text.utf8.count > TextFeatures.characterLimit * 4 ? String(text.prefix(TextFeatures.characterLimit)) : text
        let folded = VietText.foldedBytes(clipped)
        // Word boundaries in the folded bytes. Every array is sized up front: growing them one
        // append at a time was a fifth of the classifier's instructions (callgrind).
        let words = folded.reduce(1) { $0 + ($1 == 32 ? 1 : 0) }
        var starts: [Int] = [], ends: [Int] = []
        starts.reserveCapacity(words)
        ends.reserveCapacity(words)
        var index = 0
        while index < folded.count {
            while index < folded.count && folded[index] == 32 { index += 1 }
            guard index < folded.count else { break }
            let start = index
            while index < folded.count && folded[index] != 32 { index += 1 }
            starts.append(start)
            ends.append(index)
        }
        self.folded = folded
        wordStarts = starts
        wordEnds = ends

        var hashes: [UInt64] = []
        hashes.reserveCapacity(starts.count * 2)
        wordHashes.reserveCapacity(starts.count)
        trigrams.reserveCapacity(starts.count)
        for i in 0..<starts.count {
            var h = FeatureHash.offset
            for n in 0..<3 where i + n < starts.count {
                if n > 0 { h = (h ^ 32) &* FeatureHash.prime }
                h = FeatureHash.hash(folded[starts[i + n]..<ends[i + n]], seed: h)
                if n == 0 { wordHashes.append(h) }
                if n == 2 {
                    trigrams.append(h)
                } else {
                    hashes.append(h)
                    if recordTexts, texts[h] == nil {
                        texts[h] = String(decoding: folded[starts[i]..<ends[i + n]], as: UTF8.self)
                    }
                }
            }
        }
        hashes.sort()
        counts.reserveCapacity(hashes.count)
        var run = 0
        while run < hashes.count {
            var end = run + 1
            while end < hashes.count && hashes[end] == hashes[run] { end += 1 }
            counts.append((hashes[run], end - run))
            run = end
        }
    }
}
