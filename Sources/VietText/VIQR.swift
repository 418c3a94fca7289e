/// VIQR (RFC 1456, "Vietnamese Quoted-Readable"): ASCII letters followed by mnemonic marks.
///
/// Marks: ( breve, ^ circumflex, + horn (also * in some variants), ' acute, ` grave, ? hook,
/// ~ tilde, . dot below; dd → đ, DD/Dd → Đ. A mark applies only when it makes a legal Vietnamese
/// letter from the letter just before it; a backslash before a mark keeps it literal
/// ("gi`\?" = "gì?"), and "\\" is a literal backslash.
///
/// One leniency over the RFC: a tone mark is taken literally when the syllable already has a tone,
/// so the common unescaped sentence end "Hie^'u." reads "Hiếu." rather than "Hiếụ".
enum VIQR {
    enum Mark {
        case modifier(VietLetter.Modifier)
        case tone(VietLetter.Tone)
    }

    static func mark(_ scalar: Unicode.Scalar) -> Mark? {
        switch scalar {
        case "(": .modifier(.breve)
        case "^": .modifier(.circumflex)
        case "+", "*": .modifier(.horn)
        case "'": .tone(.acute)
        case "`": .tone(.grave)
        case "?": .tone(.hook)
        case "~": .tone(.tilde)
        case ".": .tone(.dot)
        default: nil
        }
    }

    static func isEscapable(_ scalar: Unicode.Scalar) -> Bool {
        mark(scalar) != nil || scalar == "\\" || scalar == "d" || scalar == "D"
    }

    /// Bytes are normally ASCII; anything else is read as UTF-8, or Windows-1252 if not valid UTF-8.
    static func decode(_ bytes: [UInt8]) -> String {
        let text: String
        if UTF8Validation.firstInvalidOffset(bytes) == nil {
            text = String(decoding: bytes, as: UTF8.self)
        } else {
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(CodePage1252.scalar(byte)) }
            text = String(scalars)
        }
        return decode(text)
    }

    static func decode(_ text: String) -> String {
        let input = Array(text.unicodeScalars)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(input.count)
        var open: VietLetter? = nil        // vowel just written that a mark may still change
        var syllableHasTone = false
        var lastRawD = false               // an unescaped d that a second d turns into đ
        var i = 0
        while i < input.count {
            let c = input[i]
            if c == "\\" {
                if i + 1 < input.count, isEscapable(input[i + 1]) {
                    let literal = input[i + 1]
                    out.append(literal)
                    if literal != "d" && literal != "D" { syllableHasTone = false }
                    open = nil
                    lastRawD = false
                    i += 2
                    continue
                }
                out.append(c)
                open = nil
                lastRawD = false
                syllableHasTone = false
                i += 1
                continue
            }
            if (c == "d" || c == "D") && lastRawD {
                out[out.count - 1] = out[out.count - 1] == "D" ? "\u{0110}" : "\u{0111}"
                lastRawD = false
                open = nil
                i += 1
                continue
            }
            if let letter = open, let mark = mark(c), let marked = apply(mark, to: letter, syllableHasTone: syllableHasTone),
               let scalar = marked.scalar {
                out[out.count - 1] = scalar
                open = marked
                if marked.tone != .none { syllableHasTone = true }
                i += 1
                continue
            }
            out.append(c)
            if let letter = c.value < 0x80 ? VietLetter.plainVowel(UInt8(c.value)) : VietLetter.lookup(c) {
                open = letter.isVowel ? letter : nil
                if letter.tone != .none { syllableHasTone = true }
                lastRawD = false
            } else if isASCIILetter(c) {
                open = nil
                lastRawD = c == "d" || c == "D"
            } else {
                open = nil
                lastRawD = false
                syllableHasTone = false
            }
            i += 1
        }
        return Composition.nfc(String(String.UnicodeScalarView(out)))
    }

    private static func apply(_ mark: Mark, to letter: VietLetter, syllableHasTone: Bool) -> VietLetter? {
        var result = letter
        switch mark {
        case .modifier(let modifier):
            guard letter.modifier == .none, VietLetter.allows(base: letter.base, modifier: modifier) else { return nil }
            result.modifier = modifier
        case .tone(let tone):
            guard letter.tone == .none, !syllableHasTone else { return nil }
            result.tone = tone
        }
        return result
    }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    // MARK: - Encoding

    /// VIQR for `text`, escaping literal marks so that decoding gives the text back.
    /// Nil when the text has a non-ASCII character that is not a Vietnamese letter, or a word with two
    /// tones (not Vietnamese, and the decoder's one-tone-per-syllable rule could not give it back).
    static func encode(_ text: String) -> [UInt8]? {
        let input = Array(Composition.nfc(text).unicodeScalars)
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 2)
        var previousIsLetter = false
        var wordHasTone = false
        for (index, scalar) in input.enumerated() {
            if scalar.value >= 0x80 {
                guard let letter = VietLetter.lookup(scalar) else { return nil }
                if letter.tone != .none {
                    if wordHasTone { return nil }
                    wordHasTone = true
                }
                let base = letter.isUppercase ? letter.base - 0x20 : letter.base
                out.append(base)
                switch letter.modifier {
                case .none: break
                case .breve: out.append(UInt8(ascii: "("))
                case .circumflex: out.append(UInt8(ascii: "^"))
                case .horn: out.append(UInt8(ascii: "+"))
                case .stroke: out.append(base)
                }
                if let mark = toneMark(letter.tone) { out.append(mark) }
                previousIsLetter = true
                continue
            }
            let byte = UInt8(scalar.value)
            if byte == UInt8(ascii: "\\") {
                out.append(contentsOf: [0x5C, 0x5C])
            } else if mark(scalar) != nil && previousIsLetter {
                out.append(0x5C)
                out.append(byte)
            } else if byte == UInt8(ascii: "d") || byte == UInt8(ascii: "D"),
                      index + 1 < input.count, startsWithD(input[index + 1]) {
                out.append(0x5C)   // keep "d" + "d…" from reading as đ
                out.append(byte)
            } else {
                out.append(byte)
            }
            previousIsLetter = isASCIILetter(scalar)
            if !previousIsLetter { wordHasTone = false }
        }
        return out
    }

    private static func startsWithD(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "d" || scalar == "D" || scalar == "\u{0110}" || scalar == "\u{0111}"
    }

    private static func toneMark(_ tone: VietLetter.Tone) -> UInt8? {
        switch tone {
        case .none: nil
        case .grave: UInt8(ascii: "`")
        case .acute: UInt8(ascii: "'")
        case .hook: UInt8(ascii: "?")
        case .tilde: UInt8(ascii: "~")
        case .dot: UInt8(ascii: ".")
        }
    }
}
