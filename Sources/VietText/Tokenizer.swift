/// Splits text into its words ("syllables" in Vietnamese writing, which puts a space between
/// syllables) as written: NFC, case and diacritics kept, split at spaces, punctuation and symbols.
enum Tokenizer {
    static func syllables(_ s: String) -> [String] {
        let scalars = Composition.nfc(s).unicodeScalars
        var result: [String] = []
        var start: String.UnicodeScalarView.Index? = nil
        var index = scalars.startIndex
        while index != scalars.endIndex {
            if isWordScalar(scalars[index]) {
                if start == nil { start = index }
            } else if let wordStart = start {
                result.append(String(scalars[wordStart..<index]))
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let wordStart = start { result.append(String(scalars[wordStart..<scalars.endIndex])) }
        return result
    }

    /// Letters, digits and combining marks belong to words; everything else separates them.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            return VIQR.isASCIILetter(scalar) || (v >= 0x30 && v <= 0x39)
        }
        if LatinBase.packed(v) != 0 || (0x300..<0x370).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return !(0x2B0..<0x300).contains(v)   // ʼ ˆ ˜ are used as quotes and accents, not letters
        default:
            return false
        }
    }
}
