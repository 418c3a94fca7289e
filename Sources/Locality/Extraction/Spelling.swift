import Foundation

/// Compares words as written, ignoring only the tone marks: "Cháu" is not "Châu", but "Hoà" is "Hòa".
/// Used only where the writer typed diacritics; text without them is matched by folding alone.
enum Spelling {
    /// Lowercase letter → the same letter without its tone mark, for every Vietnamese vowel.
    private static let toneless: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        for value in UInt32(0xC0)...UInt32(0x1EF9) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let decomposed = String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
            guard decomposed.contains(where: { tones.contains($0.value) }) else { continue }
            let kept = String(String.UnicodeScalarView(decomposed.filter { !tones.contains($0.value) }))
                .precomposedStringWithCanonicalMapping.unicodeScalars
            if kept.count == 1, let base = kept.first { map[scalar] = base }
        }
        return map
    }()

    /// Lowercase, tone marks removed, other diacritics kept: "Châu" → "châu", "Hoà" → "hoa".
    static func withoutTones(_ word: Substring) -> String {
        var out = String.UnicodeScalarView()
        for scalar in word.lowercased().unicodeScalars { out.append(toneless[scalar] ?? scalar) }
        return String(out)
    }

    static func hasDiacritics(_ word: Substring) -> Bool { word.unicodeScalars.contains { $0.value > 0x7F } }

    /// Whether words typed with diacritics agree with the official spelling; words typed without
    /// any are not compared.
    static func agrees(_ written: [Substring], with official: String) -> Bool {
        let parts = official.split(whereSeparator: { $0 == " " || $0 == "-" })
        guard parts.count == written.count else { return true }
        for (word, part) in zip(written, parts) where hasDiacritics(word) {
            if withoutTones(word) != withoutTones(part) { return false }
        }
        return true
    }
}
