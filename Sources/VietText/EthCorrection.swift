/// Replaces "Ð" (U+00D0, Icelandic eth) and "ð" with "Đ"/"đ" (U+0110/U+0111) in Vietnamese text.
/// The two capitals look identical and many keyboards and fonts produce the wrong one; in this
/// service eth is almost always meant as đ. Applied to every word when the text has any
/// Vietnamese-only letter, otherwise only to words that then read as Vietnamese syllables
/// ("Ðà", "Ðồng"), so a real Icelandic name in a foreign text is left alone.
enum EthCorrection {
    static func apply(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isEth) else { return s }
        let vietnameseText = s.unicodeScalars.contains(where: isVietnameseOnly)
        var out = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        func flush() {
            if word.contains(where: isEth) {
                let replaced = word.map(swapped)
                out.append(contentsOf: vietnameseText || VietSyllable.isValid(replaced) ? replaced : word)
            } else {
                out.append(contentsOf: word)
            }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in s.unicodeScalars {
            if TextScore.isBoundary(scalar) {
                flush()
                out.append(scalar)
            } else {
                word.append(scalar)
            }
        }
        flush()
        return String(out)
    }

    private static func isEth(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{00D0}" || scalar == "\u{00F0}"
    }

    private static func swapped(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{00D0}": "\u{0110}"
        case "\u{00F0}": "\u{0111}"
        default: scalar
        }
    }

    /// Letters only Vietnamese uses among Latin scripts: ă đ ĩ ũ ơ ư and the U+1EA0–U+1EF9 block.
    static func isVietnameseOnly(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1EA0...0x1EF9, 0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0:
            true
        default:
            false
        }
    }
}
