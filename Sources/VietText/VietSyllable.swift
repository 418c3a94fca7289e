/// Whether a word is a well-formed Vietnamese syllable: onset + vowel nucleus + final, at most one
/// tone, and a stop final (c ch p t) only with the acute or dot tone.
///
/// Encoding detection and mojibake repair decode the same bytes several ways and keep the reading
/// with the most real syllables: a wrong reading yields letters in impossible places (two tones,
/// "oø", "néi"), which this rejects.
enum VietSyllable {
    static let onsets: Set<String> = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
        "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
    ]

    /// Vowel nuclei (untoned). Those in `openNuclei` end in a glide and take no final consonant.
    static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi",
        "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "ya", "yê",
        "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
    ]

    static let openNuclei: Set<String> = [
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "uơ", "ưa",
        "ưi", "ưu", "ya", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu",
    ]

    /// Nuclei that need a final consonant (open, they are spelt ia, ya, ua, ưa instead).
    static let closedNuclei: Set<String> = ["iê", "yê", "uô", "ươ", "uyê", "oă", "uâ"]

    static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
    static let stopFinals: Set<String> = ["c", "ch", "p", "t"]

    /// Checks one word given as scalars (any case, NFC).
    static func isValid<S: Sequence<Unicode.Scalar>>(_ word: S) -> Bool {
        var skeleton = ""             // lowercase, untoned
        var tone = VietLetter.Tone.none
        var count = 0
        for scalar in word {
            count += 1
            if count > 8 { return false }   // the longest syllable, "nghiêng", has 7 letters
            if let letter = VietLetter.lookup(scalar) {
                if letter.tone != .none {
                    if tone != .none { return false }
                    tone = letter.tone
                }
                skeleton.unicodeScalars.append(letter.untoned.withCase(uppercase: false).scalar!)
            } else if scalar.value < 0x80, VIQR.isASCIILetter(scalar) {
                skeleton.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value) | 0x20))
            } else {
                return false
            }
        }
        return isValidSkeleton(skeleton, tone: tone)
    }

    private static func isVowel(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y": true
        default: false
        }
    }

    static func isValidSkeleton(_ skeleton: String, tone: VietLetter.Tone) -> Bool {
        let letters = Array(skeleton.unicodeScalars)
        guard let firstVowel = letters.firstIndex(where: isVowel) else { return false }
        var onsetEnd = firstVowel
        var vowelEnd = firstVowel
        while vowelEnd < letters.count, isVowel(letters[vowelEnd]) { vowelEnd += 1 }
        // "qu" and "gi" (before another vowel) take their vowel into the onset.
        if firstVowel == 1, vowelEnd - firstVowel >= 2,
           (letters[0] == "q" && letters[1] == "u") || (letters[0] == "g" && letters[1] == "i") {
            onsetEnd = 2
        }
        let onset = String(String.UnicodeScalarView(letters[0..<onsetEnd]))
        let nucleus = String(String.UnicodeScalarView(letters[onsetEnd..<vowelEnd]))
        let final = String(String.UnicodeScalarView(letters[vowelEnd...]))
        guard onsets.contains(onset), nuclei.contains(nucleus), finals.contains(final) else { return false }
        if !final.isEmpty && openNuclei.contains(nucleus) { return false }
        if final.isEmpty && closedNuclei.contains(nucleus) { return false }
        if stopFinals.contains(final) && tone != .acute && tone != .dot { return false }
        if (final == "ch" || final == "nh") && !["a", "ê", "i", "y", "oa", "uê", "uy"].contains(nucleus) { return false }
        return true
    }
}
