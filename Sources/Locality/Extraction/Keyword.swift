/// The few words that mark levels and residential units, as small codes: every token gets its
/// code once, and marker matching then compares bytes instead of strings.
enum Keyword {
    static let codes: [String: UInt8] = {
        let words = ["thanh", "pho", "thi", "xa", "tran", "dac", "khu", "tinh", "tp", "quan", "q", "huyen", "dao", "h", "tx",
                     "tt", "phuong", "p", "f", "x", "kp", "tdp", "ap", "thon", "khom", "khoi", "xom", "ban", "buon", "lang",
                     "to", "dan", "tieu"]
        return Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, UInt8($0 + 1)) })
    }()

    static func code(_ folded: String) -> UInt8 { codes[folded] ?? 0 }

    /// "khu pho" → [code(khu), code(pho)]
    static func sequence(_ words: [String]) -> [UInt8] { words.map { codes[$0]! } }

    /// Whether the tokens from `index` carry exactly these codes.
    static func matches(_ sequence: [UInt8], _ tokens: [Token], at index: Int) -> Bool {
        guard index + sequence.count <= tokens.count else { return false }
        for offset in 0..<sequence.count where tokens[index + offset].keyword != sequence[offset] { return false }
        return true
    }
}
