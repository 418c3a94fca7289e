import VietText

/// Splits text into tokens for place matching. "P.12, Q.TB" → p 12 q tb; markers glued to
/// numbers ("F12", "Q1", "KP6") are split so that "f12" reads as "f 12".
enum PlaceTokenizer {
    static let gluedPrefixes = ["kp", "tdp", "tx", "tt", "p", "f", "q", "x", "h"]

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = text.startIndex
        var start: String.Index?
        var sawPunctuation = true
        func flush(_ end: String.Index) {
            guard let s = start else { return }
            append(text[s..<end], afterPunctuation: sawPunctuation)
            sawPunctuation = false
            start = nil
        }
        func append(_ word: Substring, afterPunctuation: Bool) {
            let folded = VietText.fold(String(word))
            guard !folded.isEmpty else { return }
            // "f12" → "f" + "12" when the letters are a known marker.
            if let firstDigit = folded.firstIndex(where: \.isNumber), firstDigit != folded.startIndex,
               folded[firstDigit...].allSatisfy(\.isNumber), gluedPrefixes.contains(String(folded[..<firstDigit])) {
                let split = word.index(word.startIndex, offsetBy: folded.distance(from: folded.startIndex, to: firstDigit))
                tokens.append(Token(original: word[..<split], folded: String(folded[..<firstDigit]), afterPunctuation: afterPunctuation))
                tokens.append(Token(original: word[split...], folded: String(folded[firstDigit...]), afterPunctuation: false))
            } else {
                tokens.append(Token(original: word, folded: folded, afterPunctuation: afterPunctuation))
            }
        }
        while current < text.endIndex {
            let ch = text[current]
            if ch.isLetter || ch.isNumber || ch == "'" || ch.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                if start == nil { start = current }
            } else {
                flush(current)
                // A hyphen joins parts of one name ("Văn Miếu - Quốc Tử Giám"); other marks separate.
                if !ch.isWhitespace && !"/-–".contains(ch) { sawPunctuation = true }
            }
            current = text.index(after: current)
        }
        flush(text.endIndex)
        return tokens
    }
}
