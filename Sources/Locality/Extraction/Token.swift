/// A word of the input: as written (NFC) and folded ("Phường" / "phuong"), and whether
/// punctuation came right before it (addresses separate their parts with commas).
struct Token {
    var original: Substring
    var folded: String
    var afterPunctuation: Bool
    /// The word's id in the gazetteer's name index; nil when no name contains it.
    var wordID: Int32?
    /// Typed with diacritics: its spelling is then checked against a name's.
    var hasDiacritics: Bool
    /// `Keyword` code of the folded word, 0 for any other word.
    var keyword: UInt8
    var isNumber: Bool { !folded.isEmpty && folded.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    /// Starts with a capital letter.
    var isCapitalized: Bool
}
