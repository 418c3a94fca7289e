/// The few words that mark levels and residential units, as small codes: every token gets its
/// code once, and marker matching then compares bytes instead of strings.
enum Keyword {
    static let codes: [String: UInt8] = {
        let words = ["thanh", "pho", "thi", "xa", "tran", "dac", "khu", "tinh", "tp", "quan", "q", "huyen", "dao", "h", "tx",
                     "tt", "phuong", "p", "f", "x", "kp", "tdp", "ap", "thon", "khom", "khoi", "xom", "ban", "buon", "lang",
                     "to", "dan", "tieu"]
        return Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, UInt8($0 + 1)) })
    }()

    /// The same codes keyed by the word's bytes packed into an integer (every keyword has at most
    /// seven): every token of every locate call is looked up, and hashing a String with SipHash
    /// cost more than the rest of the look-up.
    private static let packedCodes: IDTable = {
        var table = IDTable(minimumCapacity: codes.count)
        for (word, code) in codes { table.set(pack(word.utf8)!, Int32(code)) }
        return table
    }()

    /// Up to seven bytes as one integer, the first in the lowest byte and the count in the
    /// highest (so "p" and "p\0" differ); nil when longer.
    private static func pack(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var key = UInt64(bytes.count) << 56, shift: UInt64 = 0
        for byte in bytes {
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }

    static func code(_ folded: String) -> UInt8 {
        guard let key = pack(folded.utf8), let code = packedCodes[key] else { return 0 }
        return UInt8(code)
    }

    /// "khu pho" → [code(khu), code(pho)]
    static func sequence(_ words: [String]) -> [UInt8] { words.map { codes[$0]! } }

    /// Whether the tokens from `index` carry exactly these codes.
    static func matches(_ sequence: [UInt8], _ tokens: [Token], at index: Int) -> Bool {
        guard index + sequence.count <= tokens.count else { return false }
        for offset in 0..<sequence.count where tokens[index + offset].keyword != sequence[offset] { return false }
        return true
    }
}
