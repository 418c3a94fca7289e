/// How Vietnamese a decoded text looks: its words with non-ASCII letters, counted as real
/// syllables or not. Comparing the scores of several readings of the same bytes picks the encoding.
struct TextScore: Sendable, Equatable {
    /// Words with diacritics that are well-formed syllables ("Việt", "đường").
    var valid = 0
    /// Words with non-ASCII characters that are not ("Vieät", "Hµ", "Ná»™i").
    var invalid = 0

    /// Sum of how common the tones of the letters in valid words are (see `commonness(of:)`);
    /// breaks ties between readings that are equally well-formed ("nhân dân" over "nhõn dõn").
    var commonness = 0

    /// Net evidence for this reading.
    var net: Int { valid - invalid }

    /// Whether this reading beats `other`: more net syllables, then more common tones.
    func isBetter(than other: TextScore) -> Bool {
        net != other.net ? net > other.net : commonness > other.commonness
    }

    /// Scores at most `limit` scalars (enough to decide, and keeps a 1 MB input cheap).
    init(_ text: String, limit: Int = 20_000) {
        var word: [Unicode.Scalar] = []
        var hasNonASCII = false
        var seen = 0
        func finish() {
            if hasNonASCII {
                if VietSyllable.isValid(word) {
                    valid += 1
                    for scalar in word where scalar.value >= 0x80 { commonness += Self.commonness(of: scalar) }
                } else {
                    invalid += 1
                }
            }
            word.removeAll(keepingCapacity: true)
            hasNonASCII = false
        }
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > limit { break }
            if Self.isBoundary(scalar) {
                finish()
            } else {
                word.append(scalar)
                if scalar.value >= 0x80 { hasNonASCII = true }
            }
        }
        finish()
    }

    /// A rough frequency rank of the tones in Vietnamese text: untoned letters with modifiers
    /// (â, ư, đ…) are the most frequent non-ASCII letters, the tilde (ngã) tone the rarest.
    static func commonness(of scalar: Unicode.Scalar) -> Int {
        guard let letter = VietLetter.lookup(scalar) else { return 0 }
        switch letter.tone {
        case .none: return 5
        case .acute, .grave: return 4
        case .dot: return 3
        case .hook: return 2
        case .tilde: return 1
        }
    }

    /// Word boundaries: whitespace, ASCII punctuation and digits, and the typographic punctuation
    /// of Windows-1252. Every other character, including garbage like µ or ¸, stays in the word so
    /// that it counts against the reading that produced it.
    static func isBoundary(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return !VIQR.isASCIILetter(scalar) }
        switch v {
        case 0xA0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2022, 0xAB, 0xBB: return true
        default: return scalar.properties.isWhitespace
        }
    }
}
