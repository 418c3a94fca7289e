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
    /// Runs of spaces count as one, as splitting at spaces would.
    static func hash(ngram text: String) -> UInt64 {
        var h = offset
        var inWord = false, words = 0
        for byte in text.utf8 {
            if byte == 32 {
                inWord = false
                continue
            }
            if !inWord {
                if words > 0 { h = (h ^ 32) &* prime }
                words += 1
                inWord = true
            }
            h = (h ^ UInt64(byte)) &* prime
        }
        return h
    }
}
