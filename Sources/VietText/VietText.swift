/// Vietnamese text as it arrives: normalisation, folding for matching, mojibake repair.
///
/// Pure Swift and table-driven; Foundation is used only as the fallback for canonical composition
/// of non-Vietnamese text. Every function accepts any string (empty, invalid-looking, huge) and
/// never traps.
public enum VietText {
    /// Canonical composition (NFC). Handles NFD input and Windows-1258 style base + combining tone.
    public static func nfc(_ s: String) -> String {
        Composition.nfc(s)
    }

    /// What `danvan text normalize` prints: NFC, mojibake repaired (UTF-8 read as Windows-1252,
    /// TCVN3/VNI read as Windows-1252), and "Ð"/"ð" (eth) replaced by "Đ"/"đ" in Vietnamese text.
    public static func normalize(_ s: String) -> String {
        if Composition.isAlreadyNFC(s), Composition.withUTF8(s, RepairPrecheck.needsNoRepair) { return s }
        var text = Composition.nfc(s)
        let repaired = MojibakeRepair.repair(text)
        if repaired != text { text = Composition.nfc(repaired) }
        return EthCorrection.apply(text)
    }

    /// Matching key: lowercase, diacritics and the bar of đ removed, every run of punctuation and
    /// whitespace a single space, trimmed. "TP. Hồ Chí Minh" → "tp ho chi minh".
    public static func fold(_ s: String) -> String {
        String(decoding: foldedBytes(s), as: UTF8.self)
    }

    /// `fold(_:)` as UTF-8 bytes, without building a String (pure ASCII for Vietnamese input).
    public static func foldedBytes(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        Folding.fold(s, into: &out)
        return out
    }

    /// `fold(_:)` into a caller's buffer (cleared first), so a hot loop allocates nothing.
    public static func fold(_ s: String, into buffer: inout [UInt8]) {
        Folding.fold(s, into: &buffer)
    }

    /// Diacritics removed, đ → d, Đ → D; case, punctuation and spacing kept.
    public static func deaccent(_ s: String) -> String {
        Folding.deaccent(s)
    }

    /// The words of the text as written (NFC), split at whitespace, punctuation and symbols:
    /// "P.12, Q. Tân Bình" → ["P", "12", "Q", "Tân", "Bình"].
    public static func syllables(_ s: String) -> [String] {
        Tokenizer.syllables(s)
    }

    /// Repairs UTF-8 that was decoded as Windows-1252/Latin-1 ("Hà Ná»™i" → "Hà Nội", also when it
    /// happened twice) and TCVN3/VNI/Windows-1258 text that was decoded as Windows-1252
    /// ("Hµ Néi", "Haø Noäi" → "Hà Nội"; line by line, and only with at least two real syllables
    /// as evidence). Text that needs no repair is returned unchanged.
    public static func repairMojibake(_ s: String) -> String {
        let repaired = MojibakeRepair.repair(s)
        return repaired == s ? s : Composition.nfc(repaired)
    }

    /// Bytes in Windows-1252 (what most "iso-8859-1" labels in mail really mean) as text.
    public static func decodeWindows1252(_ bytes: some Sequence<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(CodePage1252.scalar(byte)) }
        return String(scalars)
    }

    /// Whether the word is a well-formed Vietnamese syllable: known onset, vowel and final, one tone
    /// on the right vowel (old and new placement both accepted), consistent case.
    public static func isVietnameseSyllable(_ word: String) -> Bool {
        VietSyllable.isValid(Composition.nfc(word).unicodeScalars)
    }
}
