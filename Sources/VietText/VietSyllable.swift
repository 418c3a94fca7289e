/// Whether a word is a well-formed Vietnamese syllable: onset + vowel nucleus + final, at most one
/// tone, on the vowel that carries it (old and new placement both accepted: "hòa", "hoà"), a stop
/// final (c ch p t) only with the acute or dot tone, and no capital inside a lowercase word.
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

    /// Nuclei that need a final consonant (ă and â never end a syllable; open, iê yê uô ươ are
    /// spelt ia ya ua ưa; oo is only ever in "xoong", "boong").
    static let closedNuclei: Set<String> = ["ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ", "oo"]

    static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
    static let stopFinals: Set<String> = ["c", "ch", "p", "t"]

    /// Checks one word given as scalars (NFC). Case must be lower, Capitalised or UPPER (or the
    /// TCVN3 uppercase-font pattern, see below).
    static func isValid<S: Sequence<Unicode.Scalar>>(_ word: S) -> Bool {
        var letters: [Unicode.Scalar] = []   // lowercase, untoned
        var tone = VietLetter.Tone.none
        var toneIndex = -1
        var uppercase: [Bool] = []
        var allASCIIUpper = true, allOtherLower = true
        for scalar in word {
            if letters.count >= 8 { return false }   // the longest syllable, "nghiêng", has 7 letters
            let isUpper: Bool
            if let letter = VietLetter.lookup(scalar) {
                if letter.tone != .none {
                    if tone != .none { return false }
                    tone = letter.tone
                    toneIndex = letters.count
                }
                isUpper = letter.isUppercase
                letters.append(letter.untoned.withCase(uppercase: false).scalar!)
            } else if scalar.value < 0x80, VIQR.isASCIILetter(scalar) {
                isUpper = scalar.value < 0x61
                letters.append(Unicode.Scalar(UInt8(scalar.value) | 0x20))
            } else {
                return false
            }
            uppercase.append(isUpper)
            if scalar.value < 0x80 { allASCIIUpper = allASCIIUpper && isUpper } else { allOtherLower = allOtherLower && !isUpper }
        }
        // "việt", "Việt", "VIỆT", but not "ViỆt" or "KÝnh" (a Windows capital inside a word).
        // TCVN3 headings set in an uppercase font decode as "VIệT": ASCII capitals with lowercase
        // toned codes; that pattern is kept.
        let rest = uppercase.dropFirst()
        let consistent = !(rest.contains(true) && rest.contains(false)) && !(uppercase.first == false && rest.contains(true))
        guard consistent || (allASCIIUpper && allOtherLower) else { return false }
        return isValidSkeleton(letters, tone: tone, toneIndex: toneIndex)
    }

    private static func isVowel(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y": true
        default: false
        }
    }

    private static func hasModifier(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "ă", "â", "ê", "ô", "ơ", "ư": true
        default: false
        }
    }

    /// Up to three letters as one integer, 21 bits each (a letter is never U+0000, so lengths
    /// cannot be confused); nil for more. Every non-ASCII word of every imported cell is checked
    /// here, and looking parts up as integers costs a tenth of building and hashing Strings.
    static func packed<C: Collection<Unicode.Scalar>>(_ letters: C) -> UInt64? {
        guard letters.count <= 3 else { return nil }
        var key: UInt64 = 0
        for letter in letters { key = key << 21 | UInt64(letter.value) }
        return key
    }

    private static func keys(_ parts: Set<String>) -> Set<UInt64> {
        Set(parts.map { packed($0.unicodeScalars)! })
    }

    private static let onsetKeys = keys(onsets)
    private static let nucleusKeys = keys(nuclei)
    private static let openNucleusKeys = keys(openNuclei)
    private static let closedNucleusKeys = keys(closedNuclei)
    private static let finalKeys = keys(finals)
    private static let stopFinalKeys = keys(stopFinals)
    /// Nuclei that take the finals ch and nh.
    private static let palatalNucleusKeys = keys(["a", "ê", "i", "y", "oa", "uê", "uy"])
    /// Nuclei that take nh and ch instead of ng and c.
    private static let frontNucleusKeys = keys(["i", "y", "uy"])
    private static let ch = packed("ch".unicodeScalars)!, nh = packed("nh".unicodeScalars)!
    private static let ng = packed("ng".unicodeScalars)!, c = packed("c".unicodeScalars)!
    /// Open nuclei that accept the tone on either vowel.
    private static let eitherPlacementKeys = keys(["oa", "oe", "uy"])

    /// `letters` lowercase and untoned; `toneIndex` is the position of the toned letter, or -1.
    static func isValidSkeleton(_ letters: [Unicode.Scalar], tone: VietLetter.Tone, toneIndex: Int) -> Bool {
        guard let firstVowel = letters.firstIndex(where: isVowel) else { return false }
        var onsetEnd = firstVowel
        var vowelEnd = firstVowel
        while vowelEnd < letters.count, isVowel(letters[vowelEnd]) { vowelEnd += 1 }
        // "qu" and "gi" (before another vowel) take their vowel into the onset.
        if firstVowel == 1, vowelEnd - firstVowel >= 2,
           (letters[0] == "q" && letters[1] == "u") || (letters[0] == "g" && letters[1] == "i") {
            onsetEnd = 2
        }
        let nucleusLetters = letters[onsetEnd..<vowelEnd]
        guard let onset = packed(letters[0..<onsetEnd]), let nucleus = packed(nucleusLetters),
              let final = packed(letters[vowelEnd...]),
              onsetKeys.contains(onset), nucleusKeys.contains(nucleus), finalKeys.contains(final) else { return false }
        let hasFinal = final != 0
        if hasFinal && openNucleusKeys.contains(nucleus) { return false }
        if !hasFinal && closedNucleusKeys.contains(nucleus) { return false }
        if stopFinalKeys.contains(final) && tone != .acute && tone != .dot { return false }
        if (final == ch || final == nh) && !palatalNucleusKeys.contains(nucleus) { return false }
        if (final == ng || final == c) && frontNucleusKeys.contains(nucleus) { return false }
        if tone != .none {
            guard toneIndex >= onsetEnd && toneIndex < vowelEnd,
                  allowsTone(at: toneIndex - onsetEnd, in: nucleusLetters, nucleus: nucleus, hasFinal: hasFinal)
            else { return false }
        }
        return true
    }

    /// Where the tone mark may sit in the nucleus: on the vowel with a modifier (the second of
    /// "ươ"), else on the last vowel before a final, else on the first of two vowels or the middle
    /// of three. Open "oa", "oe", "uy" accept both the old ("hòa") and the new ("hoà") placement.
    static func allowsTone(at position: Int, in letters: ArraySlice<Unicode.Scalar>, nucleus: UInt64, hasFinal: Bool) -> Bool {
        if let modified = letters.lastIndex(where: hasModifier) { return position == modified - letters.startIndex }
        switch letters.count {
        case 1: return position == 0
        case 2:
            if hasFinal { return position == 1 }
            return position == 0 || (position == 1 && eitherPlacementKeys.contains(nucleus))
        default:
            return position == 1
        }
    }
}
