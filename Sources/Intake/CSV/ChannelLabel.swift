public import Domain
internal import VietText

/// The channel of a petition from a sheet's "Kênh tiếp nhận" / "Nguồn" cell: a code ("email"),
/// its Vietnamese name ("Thư điện tử"), or words naming one ("E-mail", "Qua email", "Đảng viên
/// phản ánh", "Biểu mẫu trên cổng thông tin"). Anything else (a visit, a phone call, a letter, the
/// suggestion box) came to the office and was written into the sheet: the sheet's channel, with
/// the words written kept beside it by the caller.
public enum ChannelLabel {
    /// Phrases matched as whole words in the folded cell (punctuation folds to spaces).
    static let phrases: [(String, Channel)] = [
        ("thu dien tu", .email), ("email", .email), ("e mail", .email),
        ("dang vien", .memberReport), ("bieu mau", .form), ("cong thong tin", .form), ("form", .form),
        ("open311", .open311), ("api", .api),
    ]

    /// The channel named by the cell, or nil when it names none.
    public static func channel(_ cell: String) -> Channel? {
        if let code = Channel(rawValue: cell.trimmedWhitespace.lowercased()) { return code }
        let padded = " \(VietText.fold(cell)) "
        for (phrase, channel) in phrases where padded.contains(" \(phrase) ") { return channel }
        return nil
    }
}
