internal import Foundation
public import Domain
internal import VietText

/// The channel of a petition from a sheet's "Kênh tiếp nhận" / "Nguồn" cell: a code ("email"),
/// its Vietnamese name ("Thư điện tử") or the words offices use ("Hòm thư", "Qua mạng").
/// Anything else (a visit, a phone call, a letter by post) came to the office and was written
/// into the sheet, so it is the sheet's channel, and the words written are kept beside it.
public enum ChannelLabel {
    /// Phrases matched as whole words in the folded cell.
    static let phrases: [(String, Channel)] = [
        ("thu dien tu", .email), ("email", .email), ("e mail", .email), ("mail", .email),
        ("dang vien", .memberReport), ("bieu mau", .form), ("cong thong tin", .form), ("form", .form),
        ("open311", .open311), ("api", .api),
    ]

    /// The channel named by the cell, or nil when it names none.
    public static func channel(_ cell: String) -> Channel? {
        if let code = Channel(rawValue: cell.trimmedWhitespace.lowercased()) { return code }
        let padded = " \(VietText.fold(cell).replacingOccurrences(of: "-", with: " ")) "
        for (phrase, channel) in phrases where padded.contains(" \(phrase) ") { return channel }
        return nil
    }
}
