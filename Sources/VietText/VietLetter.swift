/// A Vietnamese letter taken apart into base letter, vowel modifier, tone and case.
///
/// Every legacy encoding spells the same parts differently (TCVN3 one byte, VNI base + mark byte,
/// VIQR base + ASCII marks, Windows-1258 precomposed vowel + combining tone), so all codecs go through
/// this one table instead of each carrying its own list of 134 letters.
struct VietLetter: Hashable, Sendable {
    /// Vowel modifiers; `stroke` is the bar of đ/Đ, kept here so đ is a letter like the others.
    enum Modifier: UInt8, Sendable, CaseIterable {
        case none, breve, circumflex, horn, stroke
    }

    /// The six tones in the order Vietnamese dictionaries list them after the plain (ngang) tone.
    enum Tone: UInt8, Sendable, CaseIterable {
        case none, grave, acute, hook, tilde, dot
    }

    /// Lowercase ASCII base: a e i o u y, or d (with `.stroke`) for đ.
    var base: UInt8
    var modifier: Modifier
    var tone: Tone
    var isUppercase: Bool

    init(base: UInt8, modifier: Modifier = .none, tone: Tone = .none, isUppercase: Bool = false) {
        self.base = base
        self.modifier = modifier
        self.tone = tone
        self.isUppercase = isUppercase
    }

    /// The letter as one precomposed scalar (all Vietnamese letters have one), or nil for an
    /// impossible combination such as i with circumflex.
    var scalar: Unicode.Scalar? {
        if base == UInt8(ascii: "d") {
            guard modifier == .stroke, tone == .none else { return nil }
            return isUppercase ? "\u{0110}" : "\u{0111}"
        }
        guard let row = Self.row(base: base, modifier: modifier) else { return nil }
        let table = isUppercase ? Self.upperRows : Self.lowerRows
        return table[row][Int(tone.rawValue)]
    }

    /// True for the 12 vowels in any tone (not đ).
    var isVowel: Bool { modifier != .stroke }

    /// The same letter without its tone.
    var untoned: VietLetter { VietLetter(base: base, modifier: modifier, tone: .none, isUppercase: isUppercase) }

    /// The same letter in the other case.
    func withCase(uppercase: Bool) -> VietLetter {
        VietLetter(base: base, modifier: modifier, tone: tone, isUppercase: uppercase)
    }

    /// Whether `modifier` can sit on `base` in Vietnamese (ă â ê ô ơ ư đ).
    static func allows(base: UInt8, modifier: Modifier) -> Bool {
        row(base: base, modifier: modifier) != nil || (base == UInt8(ascii: "d") && modifier == .stroke)
    }

    /// Looks a scalar up: any of the 12 vowels in 6 tones, either case, or đ/Đ. ASCII consonants give nil.
    static func lookup(_ scalar: Unicode.Scalar) -> VietLetter? {
        byScalar[scalar.value]
    }

    /// Looks an ASCII byte up as a plain vowel (no modifier, no tone).
    static func plainVowel(_ byte: UInt8) -> VietLetter? {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"),
             UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            return VietLetter(base: byte)
        case UInt8(ascii: "A"), UInt8(ascii: "E"), UInt8(ascii: "I"),
             UInt8(ascii: "O"), UInt8(ascii: "U"), UInt8(ascii: "Y"):
            return VietLetter(base: byte | 0x20, isUppercase: true)
        default:
            return nil
        }
    }

    /// All 146 letters: 12 vowels × 6 tones × 2 cases, plus đ and Đ. The 134 of them that are not
    /// plain ASCII are what every encoding test round-trips.
    static let all: [VietLetter] = {
        var letters: [VietLetter] = []
        for uppercase in [false, true] {
            for (base, modifier) in rowKeys {
                for tone in Tone.allCases {
                    letters.append(VietLetter(base: base, modifier: modifier, tone: tone, isUppercase: uppercase))
                }
            }
            letters.append(VietLetter(base: UInt8(ascii: "d"), modifier: .stroke, isUppercase: uppercase))
        }
        return letters
    }()

    // MARK: - Tables

    /// Rows of the letter table: (base, modifier) in alphabet order a ă â e ê i o ô ơ u ư y.
    private static let rowKeys: [(UInt8, Modifier)] = [
        (UInt8(ascii: "a"), .none), (UInt8(ascii: "a"), .breve), (UInt8(ascii: "a"), .circumflex),
        (UInt8(ascii: "e"), .none), (UInt8(ascii: "e"), .circumflex), (UInt8(ascii: "i"), .none),
        (UInt8(ascii: "o"), .none), (UInt8(ascii: "o"), .circumflex), (UInt8(ascii: "o"), .horn),
        (UInt8(ascii: "u"), .none), (UInt8(ascii: "u"), .horn), (UInt8(ascii: "y"), .none),
    ]

    private static func row(base: UInt8, modifier: Modifier) -> Int? {
        switch (base, modifier) {
        case (UInt8(ascii: "a"), .none): 0
        case (UInt8(ascii: "a"), .breve): 1
        case (UInt8(ascii: "a"), .circumflex): 2
        case (UInt8(ascii: "e"), .none): 3
        case (UInt8(ascii: "e"), .circumflex): 4
        case (UInt8(ascii: "i"), .none): 5
        case (UInt8(ascii: "o"), .none): 6
        case (UInt8(ascii: "o"), .circumflex): 7
        case (UInt8(ascii: "o"), .horn): 8
        case (UInt8(ascii: "u"), .none): 9
        case (UInt8(ascii: "u"), .horn): 10
        case (UInt8(ascii: "y"), .none): 11
        default: nil
        }
    }

    /// Each row: plain, grave, acute, hook, tilde, dot (precomposed, NFC).
    private static let lowerRows: [[Unicode.Scalar]] = [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    ].map { Array($0.unicodeScalars) }

    private static let upperRows: [[Unicode.Scalar]] = [
        "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
        "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
    ].map { Array($0.unicodeScalars) }

    private static let byScalar: [UInt32: VietLetter] = {
        var map: [UInt32: VietLetter] = [:]
        for letter in all {
            if let scalar = letter.scalar { map[scalar.value] = letter }
        }
        return map
    }()
}
