/// A word of the input: as written (NFC) and folded ("Phường" / "phuong"), and whether
/// punctuation came right before it (addresses separate their parts with commas).
struct Token {
    var original: Substring
    var folded: String
    var afterPunctuation: Bool
    var isNumber: Bool { !folded.isEmpty && folded.allSatisfy(\.isNumber) }
    var isCapitalized: Bool { original.first?.isUppercase ?? false }
}
