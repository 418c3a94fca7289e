import VietText

/// Splits text into tokens for place matching. "P.12, Q.TB" → p 12 q tb; markers glued to
/// numbers ("F12", "Q1", "KP6") are split so that "f12" reads as "f 12". Works on Unicode
/// scalars with a table for the Latin letters Vietnamese uses: it runs on every locate call.
enum PlaceTokenizer {
    static let gluedPrefixes: Set<String> = ["kp", "tdp", "tx", "tt", "p", "f", "q", "x", "h"]

    /// Scalars below U+1F00 that belong inside a word.
    private static let wordScalar: [Bool] = (0..<0x1F00).map { value in
        guard let scalar = Unicode.Scalar(value) else { return false }
        if value < 0x80 { return scalar.properties.isAlphabetic || (0x30...0x39).contains(value) || value == 0x27 }
        return scalar.properties.isAlphabetic || (0x300...0x36F).contains(value)
    }

    /// Scalars below U+1F00 that are uppercase letters.
    private static let upperScalar: [Bool] = (0..<0x1F00).map { Unicode.Scalar($0)?.properties.isUppercase ?? false }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        return value < upperScalar.count ? upperScalar[value] : scalar.properties.isUppercase
    }

    static func tokens(_ text: String, gazetteer: Gazetteer) -> [Token] {
        // The tables once per call: a static read in the loop costs a `swift_once` check each time.
        let wordTable = wordScalar
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            let value = Int(scalar.value)
            return value < wordTable.count ? wordTable[value] : scalar.properties.isAlphabetic
        }
        // Pass 1: the words as written, and whether punctuation came before each.
        var words: [(range: Range<String.Index>, afterPunctuation: Bool)] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var sawPunctuation = true
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard isWord(scalar) else {
                // A hyphen joins parts of one name ("Văn Miếu - Quốc Tử Giám"); other marks separate.
                switch scalar {
                case " ", "\t", "\n", "\r", "/", "-", "–", "\u{A0}": break
                default: if scalar.value < 0x80 || !scalar.properties.isWhitespace { sawPunctuation = true }
                }
                index = scalars.index(after: index)
                continue
            }
            let start = index
            while index < scalars.endIndex && isWord(scalars[index]) { index = scalars.index(after: index) }
            words.append((start..<index, sawPunctuation))
            sawPunctuation = false
        }
        // Pass 2: fold the whole text once; its words line up with ours unless a word held
        // something folding splits (an apostrophe), and then each word is folded on its own.
        let folded = VietText.foldedBytes(text)
        var foldedWords: [Range<Int>] = []
        var position = 0
        while position < folded.count {
            var end = position
            while end < folded.count && folded[end] != 32 { end += 1 }
            if end > position { foldedWords.append(position..<end) }
            position = end + 1
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(words.count + 2)
        if foldedWords.count == words.count {
            for (word, range) in zip(words, foldedWords) {
                append(text[word.range], folded: folded[range], afterPunctuation: word.afterPunctuation, to: &tokens, gazetteer: gazetteer)
            }
        } else {
            var buffer: [UInt8] = []
            for word in words {
                VietText.fold(String(text[word.range]), into: &buffer)
                if !buffer.isEmpty {
                    append(text[word.range], folded: buffer[...], afterPunctuation: word.afterPunctuation, to: &tokens,
                           gazetteer: gazetteer)
                }
            }
        }
        return tokens
    }

    private static func append(_ word: Substring, folded bytes: ArraySlice<UInt8>, afterPunctuation: Bool,
                               to tokens: inout [Token], gazetteer: Gazetteer) {
        func token(_ original: Substring, _ folded: String, _ after: Bool) -> Token {
            Token(original: original, folded: folded, afterPunctuation: after, wordID: gazetteer.wordID(folded.utf8),
                  hasDiacritics: Spelling.hasDiacritics(original),
                  keyword: folded.utf8.count <= 6 ? Keyword.code(folded) : 0, isCapitalized: original.unicodeScalars.first.map(isUppercase) ?? false)
        }
        // "f12" → "f" + "12" when the letters are a known marker.
        if let firstDigit = bytes.firstIndex(where: { $0 >= 48 && $0 <= 57 }), firstDigit > bytes.startIndex,
           bytes[firstDigit...].allSatisfy({ $0 >= 48 && $0 <= 57 }),
           gluedPrefixes.contains(String(decoding: bytes[..<firstDigit], as: UTF8.self)),
           word.utf8.count == bytes.count {
            let split = word.utf8.index(word.startIndex, offsetBy: firstDigit - bytes.startIndex)
            tokens.append(token(word[..<split], String(decoding: bytes[..<firstDigit], as: UTF8.self), afterPunctuation))
            tokens.append(token(word[split...], String(decoding: bytes[firstDigit...], as: UTF8.self), false))
        } else {
            tokens.append(token(word, String(decoding: bytes, as: UTF8.self), afterPunctuation))
        }
    }
}
