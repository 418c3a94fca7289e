/// Guesses the encoding of a byte string.
///
/// 1. Valid UTF-8 with any non-ASCII byte is UTF-8: legacy Vietnamese text is practically never
///    valid UTF-8 (TCVN3 "Hµ" has a lone continuation byte, VNI uses 0xF8–0xFC, never valid).
/// 2. Pure ASCII is VIQR only with clear evidence (see `looksLikeVIQR`); plain English and
///    Vietnamese typed without diacritics stay UTF-8.
/// 3. Otherwise each single-byte reading is scored by how many real Vietnamese syllables it makes,
///    and the best wins (ties, and input with no Vietnamese at all: see `detect`). Mostly-valid
///    UTF-8 with a few bad bytes is still reported as UTF-8, so that decoding fails loudly at the
///    bad byte instead of silently producing a legacy misreading.
///
/// One or two words can be genuinely ambiguous ("phè" in Windows-1258 is "phố" in TCVN3); from
/// three words on, real sentences are detected reliably.
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
        let windowsText = CodePage1258.decode(sample)
        let vniText = VNI.decode(sample)
        let windows = (LegacyEncoding.cp1258, TextScore(windowsText))
        let tcvn3 = (LegacyEncoding.tcvn3, TextScore(TCVN3.strictTable.decode(sample)))
        let strictVNI = VNI.decodeCountingMarks(sample, strict: true)
        let vni = (LegacyEncoding.vni, TextScore(strictVNI.text))
        // Ties go to the reading with its encoding's tell-tale bytes: Vietnamese in Windows-1258
        // almost always has a tone byte or one of ă đ ơ ư, VNI a mark byte after a vowel. Without
        // them, TCVN3 first ("phè" in Windows-1258 is "phố" in TCVN3).
        let windowsTold = hasWindows1258Vietnamese(sample), vniTold = strictVNI.marks > 0
        var candidates = [tcvn3]
        if windowsTold { candidates.insert(windows, at: 0) } else { candidates.append(windows) }
        if vniTold { candidates.insert(vni, at: windowsTold ? 1 : 0) } else { candidates.append(vni) }
        var best = candidates[0]
        for candidate in candidates.dropFirst() where candidate.1.isBetter(than: best.1) {
            best = candidate
        }
        // No Vietnamese in any reading: Windows-1258 reads Western text (é, curly quotes) as meant.
        // The same text read both ways ("Quán" has no VNI marks): also Windows-1258.
        if best.1.net <= 0 || (best.0 == .vni && vniText == windowsText) { best = windows }
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
        for token in text.split(whereSeparator: \.isWhitespace) {
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
