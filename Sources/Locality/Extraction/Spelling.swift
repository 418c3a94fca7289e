import Foundation

/// Compares words as written, ignoring only the tone marks: "Cháu" is not "Châu", but "Hoà" is "Hòa".
/// Used only where the writer typed diacritics; text without them is matched by folding alone.
enum Spelling {
    /// Lowercase and without tone mark, for the Latin letters Vietnamese uses (U+00C0–U+01B0 and
    /// the Vietnamese block U+1EA0–U+1EF9); built once, then each letter is one array read.
    private static let table: [UInt32] = {
        var table = (0..<UInt32(0x1F00)).map { $0 }
        for value in UInt32(0x41)...UInt32(0x5A) { table[Int(value)] = value + 32 }
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        for value in Array(UInt32(0xC0)...UInt32(0x1B0)) + Array(UInt32(0x1EA0)...UInt32(0x1EF9)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { !tones.contains($0.value) }
            let kept = String(String.UnicodeScalarView(decomposed)).precomposedStringWithCanonicalMapping.unicodeScalars
            if kept.count == 1, let base = kept.first { table[Int(value)] = base.value }
        }
        return table
    }()

    /// The tone mark of each scalar below U+1F00 (0: none; else the combining mark's value).
    private static let tones: [UInt32] = {
        var tones = [UInt32](repeating: 0, count: 0x1F00)
        let marks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        for value in Array(UInt32(0xC0)...UInt32(0x1B0)) + Array(UInt32(0x1EA0)...UInt32(0x1EF9)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where marks.contains(part.value) {
                tones[Int(value)] = part.value
            }
        }
        for mark in marks { tones[Int(mark)] = mark }
        return tones
    }()

    static func hasDiacritics(_ word: Substring) -> Bool { word.utf8.contains { $0 > 0x7F } }

    /// Whether words typed with diacritics agree with the official spelling, ignoring tones; words
    /// typed without any are not compared. Walks both texts in place, allocating nothing.
    static func agrees(_ typed: ArraySlice<Token>, with official: String) -> Bool {
        // The tables once per call: reading a static per letter costs a `swift_once` check each time.
        let tones = self.tones, table = self.table
        func tone(_ scalar: Unicode.Scalar) -> UInt32 { scalar.value < 0x1F00 ? tones[Int(scalar.value)] : 0 }
        func fold(_ scalar: Unicode.Scalar) -> UInt32 { scalar.value < 0x1F00 ? table[Int(scalar.value)] : scalar.value }
        var officialScalars = official.unicodeScalars.makeIterator()
        var pending = officialScalars.next()
        for token in typed {
            // Skip separators before the next official word.
            while let scalar = pending, scalar == " " || scalar == "-" { pending = officialScalars.next() }
            if token.hasDiacritics {
                // Letters must agree without tones, and the syllable's tone must be the same one
                // wherever it sits ("Hoà" = "Hòa", but "thành" ≠ "Thanh").
                var typedTone: UInt32 = 0, officialTone: UInt32 = 0
                for scalar in token.original.unicodeScalars {
                    let mark = tone(scalar)
                    if mark != 0 { typedTone = mark }
                    if (0x300...0x36F).contains(scalar.value) { continue }
                    guard let expected = pending, expected != " ", expected != "-", fold(expected) == fold(scalar) else { return false }
                    let officialMark = tone(expected)
                    if officialMark != 0 { officialTone = officialMark }
                    pending = officialScalars.next()
                }
                if let next = pending, next != " ", next != "-" { return false }
                if typedTone != officialTone { return false }
            } else {
                while let scalar = pending, scalar != " ", scalar != "-" { pending = officialScalars.next() }
            }
        }
        return true
    }

    /// How many words typed with diacritics disagree with the official spelling's words (Int.max
    /// when the words do not line up). Only asked once `agrees` has said no: it splits strings.
    static func disagreements(_ typed: ArraySlice<Token>, with official: String) -> Int {
        let words = official.split(whereSeparator: { $0 == " " || $0 == "-" })
        guard words.count == typed.count else { return Int.max }
        var count = 0
        for (token, word) in zip(typed.indices, words) where typed[token].hasDiacritics {
            if !agrees(typed[token...token], with: String(word)) { count += 1 }
        }
        return count
    }
}
