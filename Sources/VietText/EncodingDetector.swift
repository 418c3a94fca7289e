/// Guesses the encoding of a byte string.
///
/// 1. Valid UTF-8 with any non-ASCII byte is UTF-8: legacy Vietnamese text is practically never
///    valid UTF-8 (TCVN3 "Hµ" has a lone continuation byte, VNI uses 0xF8–0xFC, never valid).
/// 2. Pure ASCII is VIQR only with clear evidence (marks that make real syllables, at least one
///    vowel modifier or đ); plain English or unaccented Vietnamese stays UTF-8.
/// 3. Otherwise each single-byte reading is scored by how many real Vietnamese syllables it makes,
///    and the best wins (ties and readings with no Vietnamese at all: see `detect`). Mostly-valid UTF-8 with a few bad bytes is still reported as UTF-8, so that
///    decoding fails loudly at the bad byte instead of silently producing a legacy misreading.
enum EncodingDetector {
    /// Bytes scored per candidate; decisions are stable well before this.
    static let sampleSize = 64 * 1024

    static func detect(_ bytes: [UInt8]) -> LegacyEncoding {
        if bytes.isEmpty { return .utf8 }
        let utf8 = UTF8Validation.summary(bytes)
        if utf8.firstInvalidOffset == nil {
            if utf8.multiByteSequences > 0 { return .utf8 }
            return looksLikeVIQR(String(decoding: bytes.prefix(sampleSize), as: UTF8.self)) ? .viqr : .utf8
        }
        let sample = Array(bytes.prefix(sampleSize))
        let windows = (LegacyEncoding.cp1258, TextScore(CodePage1258.decode(sample)))
        let tcvn3 = (LegacyEncoding.tcvn3, TextScore(TCVN3.decode(sample)))
        let vni = (LegacyEncoding.vni, TextScore(VNI.decode(sample)))
        // Ties: Vietnamese in Windows-1258 almost always has a tone byte or one of ă đ ơ ư; without
        // one, a tying TCVN3 or VNI reading is the likelier ("phè" vs "phố").
        let candidates = hasWindows1258Vietnamese(sample) ? [windows, tcvn3, vni] : [tcvn3, vni, windows]
        var best = candidates[0]
        for candidate in candidates.dropFirst() where candidate.1.net > best.1.net {
            best = candidate
        }
        // No Vietnamese in any reading: Windows-1258 reads Western text (é, curly quotes) as meant.
        if best.1.net <= 0 { best = windows }
        if utf8.multiByteSequences >= 3 && utf8.multiByteSequences >= 4 * utf8.invalidSequences && best.1.net <= 0 {
            return .utf8
        }
        return best.0
    }

    /// Bytes only Vietnamese Windows-1258 text has: the five tone marks and ă đ ơ ư in either case.
    static func hasWindows1258Vietnamese(_ bytes: [UInt8]) -> Bool {
        bytes.contains { byte in
            switch byte {
            case 0xCC, 0xD2, 0xDE, 0xEC, 0xF2, 0xC3, 0xE3, 0xD0, 0xF0, 0xD5, 0xF5, 0xDD, 0xFD: true
            default: false
            }
        }
    }

    /// Evidence that ASCII text is VIQR: words that the VIQR marks turn into real syllables.
    /// English has apostrophes and full stops after vowels ("I'm", "a.m.") but hardly ever "a^",
    /// "o+", "a(", "dd" + vowel, a backquote or a tilde inside a word, or an escaped full stop, so
    /// those count most; a lone ' or . counts little.
    static func looksLikeVIQR(_ text: String) -> Bool {
        var evidence = 0.0
        var misreadings = 0
        var words = 0
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            let raw = String(token)
            guard raw.unicodeScalars.contains(where: VIQR.isASCIILetter) else { continue }
            words += 1
            if raw.hasSuffix("\\.") || raw.hasSuffix("\\?") { evidence += 0.5 }
            let decoded = VIQR.decode(raw)
            guard decoded != raw else { continue }
            let core = decoded.unicodeScalars.filter { !TextScore.isBoundary($0) }
            if VietSyllable.isValid(core) {
                if raw.contains("^") || raw.contains("(") || raw.contains("+") || raw.contains("dd")
                    || raw.contains("DD") || raw.contains("Dd") {
                    evidence += 2
                } else if raw.contains("`") || raw.contains("~") || raw.dropLast().contains("?") {
                    evidence += 1
                } else {
                    evidence += 0.5
                }
            } else {
                misreadings += 1
            }
        }
        return evidence >= 2 && evidence >= 0.2 * Double(words) && Double(misreadings) <= evidence / 2
    }
}
