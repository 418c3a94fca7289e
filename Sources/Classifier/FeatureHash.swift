/// 64-bit FNV-1a over folded bytes: n-grams become integers without building strings.
enum FeatureHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    static func hash(_ bytes: ArraySlice<UInt8>, seed: UInt64 = offset) -> UInt64 {
        var h = seed
        for byte in bytes { h = (h ^ UInt64(byte)) &* prime }
        return h
    }

    /// The hash of an n-gram given as text ("thu hoi"), the same as the extractor computes.
    static func hash(ngram text: String) -> UInt64 {
        var h = offset
        for (index, word) in text.split(separator: " ").enumerated() {
            if index > 0 { h = (h ^ 32) &* prime }
            h = hash(Array(word.utf8)[...], seed: h)
        }
        return h
    }
}
