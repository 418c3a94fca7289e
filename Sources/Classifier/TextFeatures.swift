import VietText

/// The features of a text: folded unigrams and bigrams (as hashes) with their counts.
/// Folding makes "Thu hồi", "thu hoi" and "THU HỒI" one feature, since people type all three.
struct TextFeatures {
    /// Hash → how often it occurs (unigrams and bigrams).
    var counts: [UInt64: Int] = [:]
    /// Trigram hashes, only to spot the taxonomy's three-word keywords.
    var trigrams: Set<UInt64> = []
    /// Hash → the n-gram as folded text, filled only when training asks for it.
    var texts: [UInt64: String] = [:]
    /// The folded text and where its words are, for explanations.
    var folded: [UInt8] = []
    var wordStarts: [Int] = []
    var wordEnds: [Int] = []

    /// Only the start of a very long letter is read: the subject is stated early, and a 1 MB
    /// paste must not cost a second.
    static let characterLimit = 20_000

    init(_ text: String, recordTexts: Bool = false) {
        let clipped = text.utf8.count > TextFeatures.characterLimit * 4 ? String(text.prefix(TextFeatures.characterLimit)) : text
        let folded = VietText.foldedBytes(clipped)
        // Word boundaries in the folded bytes.
        var starts: [Int] = [], ends: [Int] = []
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
        counts.reserveCapacity(starts.count * 2)
        for i in 0..<starts.count {
            var h = FeatureHash.offset
            for n in 0..<3 where i + n < starts.count {
                if n > 0 { h = (h ^ 32) &* FeatureHash.prime }
                h = FeatureHash.hash(folded[starts[i + n]..<ends[i + n]], seed: h)
                if n == 2 {
                    trigrams.insert(h)
                } else {
                    counts[h, default: 0] += 1
                    if recordTexts, texts[h] == nil {
                        texts[h] = String(decoding: folded[starts[i]..<ends[i + n]], as: UTF8.self)
                    }
                }
            }
        }
    }
}
