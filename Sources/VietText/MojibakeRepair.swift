/// Undoes the two ways Vietnamese text gets garbled on its way in.
///
/// 1. UTF-8 bytes decoded as Windows-1252/Latin-1 (or Windows-1258): "Hà Nội" becomes "HÃ  Ná»™i".
///    Each character is mapped back to its byte and every run that forms valid UTF-8 is decoded
///    again; repeated up to three times for text garbled more than once. Only sequences whose
///    decoding is plausible in Vietnamese text are replaced (see `isPlausible`).
/// 2. A TCVN3, VNI or Windows-1258 file read as Windows-1252: "Hµ Néi", "Haø Noäi". Each line is
///    mapped back to bytes and re-read in each legacy encoding; a reading is taken only when it
///    has fewer broken words and more real syllables than the line as it stands.
enum MojibakeRepair {
    static func repair(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return s }
        // Up to three passes: text garbled twice first yields Latin-1 symbols ("áº¿"), which the
        // next pass turns into letters.
        var current = s
        for _ in 0..<3 {
            guard hasUTF8Candidate(current), let repaired = repairUTF8(current) else { break }
            current = repaired
        }
        if current != s { return current }
        return repairLegacyLines(s)
    }

    /// Legacy repair line by line, so a file where only some lines came from an old sheet (or a
    /// line-per-record export) is repaired where it needs it.
    static func repairLegacyLines(_ s: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character and would hide the "\n".
        guard s.unicodeScalars.contains("\n") else { return repairLegacy(s) ?? s }
        var changed = false
        let lines = s.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let repaired = repairLegacy(String(line)) else { return String(line) }
            changed = true
            return repaired
        }
        return changed ? lines.joined(separator: "\n") : s
    }

    /// The byte a character stands for when text was decoded with a Windows code page.
    @inline(__always)
    static func byte(for v: UInt32) -> UInt8? {
        if let byte = CodePage1252.byte(for: v) { return byte }
        switch v {
        // Windows-1258 letters for bytes that Windows-1252 reads differently.
        case 0x0102: return 0xC3
        case 0x0110: return 0xD0
        case 0x01A0: return 0xD5
        case 0x01AF: return 0xDD
        case 0x0103: return 0xE3
        case 0x0111: return 0xF0
        case 0x01A1: return 0xF5
        case 0x01B0: return 0xFD
        case 0x20AB: return 0xFE
        default: return nil
        }
    }

    /// Cheap first look: a lead byte followed by a continuation byte somewhere in the text.
    static func hasUTF8Candidate(_ s: String) -> Bool {
        var previousIsLead = false
        for scalar in s.unicodeScalars {
            guard scalar.value >= 0x80, let byte = byte(for: scalar.value) else {
                previousIsLead = false
                continue
            }
            if previousIsLead && byte < 0xC0 { return true }
            previousIsLead = byte >= 0xC2 && byte <= 0xF4
        }
        return false
    }

    /// One pass of UTF-8-as-Windows-1252 repair; nil when nothing changed.
    ///
    /// A capital letter before typographic punctuation can itself be valid UTF-8 ("Ã…" is also
    /// "Å", "Ì”" a combining mark), so such "weak" sequences are repaired only when the same text
    /// has a distinctive one ("á»™", "Ã¡", "Ä‘") proving it really was garbled.
    static func repairUTF8(_ s: String) -> String? {
        let scalars = Array(s.unicodeScalars)
        let bytes: [UInt8?] = scalars.map { byte(for: $0.value) }
        var found: [(start: Int, length: Int, scalar: Unicode.Scalar)] = []
        var distinctive = false
        var i = 0
        while i < scalars.count {
            if let lead = bytes[i], lead >= 0xC2,
               let (scalar, length) = decodeSequence(bytes, at: i, lead: lead),
               !(0x300..<0x370).contains(scalar.value) || (i > 0 && isVowel(scalars[i - 1])) {
                // (A garbled combining mark only ever follows the vowel it belongs to.)
                found.append((i, length, scalar))
                if length > 2 || !(isWeakSecondByte(bytes[i + 1]!) || isSymbol(scalar.value)) { distinctive = true }
                i += length
            } else {
                i += 1
            }
        }
        guard distinctive else { return nil }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        var next = 0
        for sequence in found {
            out.append(contentsOf: scalars[next..<sequence.start])
            out.append(sequence.scalar)
            next = sequence.start + sequence.length
        }
        out.append(contentsOf: scalars[next...])
        return String(out)
    }

    /// Characters that may legitimately follow a capital letter: … ‘ ’ “ ” • – — NBSP « » ° ·
    private static func isWeakSecondByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x85, 0x91...0x97, 0xA0, 0xAB, 0xBB, 0xB0, 0xB7: true
        default: false
        }
    }

    /// Latin-1 symbols (² ³ ° © « »): garbled as "Â²", plausible, but too common after a capital
    /// to prove anything by themselves.
    private static func isSymbol(_ v: UInt32) -> Bool {
        v >= 0xA1 && v < 0xC0
    }

    private static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        let letter = scalar.value < 0x80 ? VietLetter.plainVowel(UInt8(scalar.value)) : VietLetter.lookup(scalar)
        return letter?.isVowel ?? false
    }

    private static func decodeSequence(_ bytes: [UInt8?], at i: Int, lead: UInt8) -> (Unicode.Scalar, Int)? {
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        var sequence: [UInt8] = [lead]
        for k in 1..<length {
            guard let byte = bytes[i + k] else { return nil }
            sequence.append(byte)
        }
        let valid: Int? = sequence.withUnsafeBufferPointer { UTF8Validation.sequenceLength($0, at: 0) }
        guard valid == length else { return nil }
        var v: UInt32
        switch length {
        case 2: v = UInt32(sequence[0] & 0x1F)
        case 3: v = UInt32(sequence[0] & 0x0F)
        default: v = UInt32(sequence[0] & 0x07)
        }
        for byte in sequence.dropFirst() { v = v << 6 | UInt32(byte & 0x3F) }
        guard let scalar = Unicode.Scalar(v), isPlausible(v, length: length) else { return nil }
        return (scalar, length)
    }

    /// What a repaired sequence may decode to. Two bytes: Latin-1 letters and symbols, Vietnamese
    /// letters, combining marks; this keeps "BÉ”" (a real capital É before a quote, which happens
    /// to be valid UTF-8 for "Ȕ") as it is. Three or four bytes: the Vietnamese block, punctuation and
    /// symbols, CJK, emoji; a chance match of three garbage characters is practically never these.
    private static func isPlausible(_ v: UInt32, length: Int) -> Bool {
        switch length {
        case 2:
            return (0xA0...0xFF).contains(v) || (0x300..<0x370).contains(v)
                || Unicode.Scalar(v).flatMap(VietLetter.lookup) != nil
        case 3:
            switch v {
            case 0x1E00...0x1EFF, 0x2000...0x2BFF, 0x3000...0x303F, 0x4E00...0x9FFF, 0xFE00...0xFE0F, 0xFF00...0xFFEF:
                return true
            default:
                return false
            }
        default:
            return v >= 0x1_0000
        }
    }

    /// Re-reads text that was a legacy Vietnamese encoding decoded as Windows-1252.
    static func repairLegacy(_ s: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            guard let byte = byte(for: scalar.value) else { return nil }   // holds real Unicode letters
            bytes.append(byte)
        }
        let original = TextScore(s)
        guard original.invalid > 0 else { return nil }
        var best: (String, TextScore)? = nil
        for reading in [TCVN3.decode(bytes), VNI.decode(bytes), CodePage1258.decode(bytes)] {
            let score = TextScore(reading)
            // Two real syllables at least: one odd word ("i·") is not enough to rewrite text.
            guard score.valid >= 2, score.invalid < original.invalid, score.valid > original.valid,
                  score.invalid * 2 <= score.valid else { continue }
            if best == nil || score.net > best!.1.net { best = (reading, score) }
        }
        return best?.0
    }
}
