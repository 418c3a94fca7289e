/// VNI-Windows: a vowel is its base byte followed by one mark byte carrying the modifier, the tone
/// or both ("Xin chaøo" = "Xin chào": ø = 0xF8 grave). Uppercase letters take the uppercase marks,
/// 0x20 lower than the lowercase ones. đ ơ ư and the toned i (and ỵ) are single bytes.
/// Bytes VNI does not use keep their Windows-1252 meaning.
enum VNI {
    /// Lowercase mark bytes and what they add: (modifier, tone).
    static let lowercaseMarks: [UInt8: (VietLetter.Modifier, VietLetter.Tone)] = [
        0xF8: (.none, .grave), 0xF9: (.none, .acute), 0xFB: (.none, .hook), 0xF5: (.none, .tilde), 0xEF: (.none, .dot),
        0xE2: (.circumflex, .none), 0xE0: (.circumflex, .grave), 0xE1: (.circumflex, .acute),
        0xE5: (.circumflex, .hook), 0xE3: (.circumflex, .tilde), 0xE4: (.circumflex, .dot),
        0xEA: (.breve, .none), 0xE8: (.breve, .grave), 0xE9: (.breve, .acute),
        0xFA: (.breve, .hook), 0xFC: (.breve, .tilde), 0xEB: (.breve, .dot),
    ]

    /// Letters that are a single byte (lowercase; uppercase is 0x20 lower).
    static let lowercaseSingles: [UInt8: VietLetter] = [
        0xF1: VietLetter(base: UInt8(ascii: "d"), modifier: .stroke),
        0xF4: VietLetter(base: UInt8(ascii: "o"), modifier: .horn),
        0xF6: VietLetter(base: UInt8(ascii: "u"), modifier: .horn),
        0xEC: VietLetter(base: UInt8(ascii: "i"), tone: .grave),
        0xED: VietLetter(base: UInt8(ascii: "i"), tone: .acute),
        0xE6: VietLetter(base: UInt8(ascii: "i"), tone: .hook),
        0xF3: VietLetter(base: UInt8(ascii: "i"), tone: .tilde),
        0xF2: VietLetter(base: UInt8(ascii: "i"), tone: .dot),
        0xEE: VietLetter(base: UInt8(ascii: "y"), tone: .dot),
    ]

    static func mark(_ byte: UInt8) -> (VietLetter.Modifier, VietLetter.Tone)? {
        if let mark = lowercaseMarks[byte] { return mark }
        if byte >= 0xC0 && byte < 0xE0 { return lowercaseMarks[byte + 0x20] }
        return nil
    }

    static func single(_ byte: UInt8) -> VietLetter? {
        if let letter = lowercaseSingles[byte] { return letter }
        if byte >= 0xC0 && byte < 0xE0, let letter = lowercaseSingles[byte + 0x20] {
            return letter.withCase(uppercase: true)
        }
        return nil
    }

    /// Decodes VNI. With `strict`, a mark byte that marks nothing (after a consonant, or a mark the
    /// vowel cannot take) becomes U+FFFD instead of its Windows character: the reading detection
    /// scores, so that Windows-1258 "tên" (0xEA = ê) does not pass for VNI.
    static func decode(_ bytes: [UInt8], strict: Bool = false) -> String {
        decodeCountingMarks(bytes, strict: strict).text
    }

    /// Also counts the mark bytes that marked a vowel: VNI text with diacritics almost always has
    /// some, so a reading without any is weak evidence for VNI.
    static func decodeCountingMarks(_ bytes: [UInt8], strict: Bool) -> (text: String, marks: Int) {
        var marksUsed = 0
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var open: VietLetter? = nil   // the vowel just written, which a following mark byte may change
        for byte in bytes {
            if let (modifier, tone) = mark(byte), let letter = open, let marked = apply(modifier, tone, to: letter),
               let scalar = marked.scalar {
                scalars[scalars.count - 1] = scalar
                open = marked
                marksUsed += 1
                continue
            }
            if let letter = single(byte) {
                scalars.append(letter.scalar!)
                open = letter.isVowel ? letter : nil
            } else if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                open = VietLetter.plainVowel(byte)
            } else {
                scalars.append(strict && mark(byte) != nil ? "\u{FFFD}" : CodePage1252.scalar(byte))
                open = nil
            }
        }
        return (String(String.UnicodeScalarView(scalars)), marksUsed)
    }

    private static func apply(_ modifier: VietLetter.Modifier, _ tone: VietLetter.Tone,
                              to letter: VietLetter) -> VietLetter? {
        var result = letter
        if modifier != .none {
            guard letter.modifier == .none, VietLetter.allows(base: letter.base, modifier: modifier) else { return nil }
            result.modifier = modifier
        }
        if tone != .none {
            guard letter.tone == .none else { return nil }
            result.tone = tone
        }
        return result
    }

    // MARK: - Encoding

    private static let markByte: [UInt16: UInt8] = {
        var map: [UInt16: UInt8] = [:]
        for (byte, (modifier, tone)) in lowercaseMarks { map[key(modifier, tone)] = byte }
        return map
    }()

    private static func key(_ modifier: VietLetter.Modifier, _ tone: VietLetter.Tone) -> UInt16 {
        UInt16(modifier.rawValue) << 8 | UInt16(tone.rawValue)
    }

    private static let singleByte: [VietLetter: UInt8] = {
        var map: [VietLetter: UInt8] = [:]
        for (byte, letter) in lowercaseSingles {
            map[letter] = byte
            map[letter.withCase(uppercase: true)] = byte - 0x20
        }
        return map
    }()

    /// Bytes that always mean a letter; a Windows character with one of these bytes cannot be
    /// written. Mark bytes can, where no vowel precedes them to take the mark.
    private static let letterBytes: Set<UInt8> = {
        var used = Set<UInt8>()
        for byte in lowercaseSingles.keys { used.insert(byte); used.insert(byte - 0x20) }
        return used
    }()

    static func encode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var open: VietLetter? = nil   // what the decoder will hold open after the bytes so far
        for scalar in Composition.nfc(text).unicodeScalars {
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
                open = VietLetter.plainVowel(UInt8(scalar.value))
            } else if let letter = VietLetter.lookup(scalar) {
                open = letter.isVowel ? letter : nil
                if let byte = singleByte[letter] {
                    out.append(byte)
                    continue
                }
                // Base byte (ASCII vowel, or the single byte for ơ/ư), then the mark for what is left.
                var rest = (letter.modifier, letter.tone)
                if letter.modifier == .horn {
                    out.append(singleByte[VietLetter(base: letter.base, modifier: .horn, isUppercase: letter.isUppercase)]!)
                    rest.0 = .none
                } else {
                    out.append(letter.isUppercase ? letter.base - 0x20 : letter.base)
                }
                if rest != (.none, .none) {
                    guard let byte = markByte[key(rest.0, rest.1)] else { return nil }
                    out.append(letter.isUppercase ? byte - 0x20 : byte)
                }
            } else if let byte = CodePage1252.byte(for: scalar.value), byte >= 0x80, !letterBytes.contains(byte) {
                // A mark byte right after a vowel that could take it would be read as that mark.
                if let (modifier, tone) = mark(byte), let letter = open, apply(modifier, tone, to: letter) != nil {
                    return nil
                }
                out.append(byte)
                open = nil
            } else {
                return nil
            }
        }
        return out
    }
}
