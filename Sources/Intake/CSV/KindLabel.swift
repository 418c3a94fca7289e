internal import Foundation
public import Domain
internal import VietText

/// The kind of a letter from a sheet's "Loại đơn" cell: "Khiếu nại", "Đơn tố cáo", "KIEN NGHI",
/// "Góp ý", or the English words some offices use.
public enum KindLabel {
    /// Phrases matched as whole words in the folded cell, the more specific first.
    static let phrases: [(String, Kind)] = [
        ("to cao", .toCao), ("khieu nai", .khieuNai), ("kien nghi", .kienNghi), ("de nghi", .kienNghi),
        ("phan anh", .phanAnh), ("y kien", .yKien), ("gop y", .yKien),
        ("denunciation", .toCao), ("complaint", .khieuNai), ("petition", .kienNghi), ("proposal", .kienNghi),
        ("request", .kienNghi), ("recommendation", .kienNghi), ("feedback", .phanAnh), ("report", .phanAnh),
        ("opinion", .yKien), ("suggestion", .yKien), ("comment", .yKien),
    ]

    /// The kind, or nil when the cell names none (the caller reports the cell).
    public static func kind(_ cell: String) -> Kind? {
        let folded = VietText.fold(cell)
        if let code = Kind(code: cell.trimmedWhitespace.lowercased()) { return code }
        let padded = " \(folded) "
        for (phrase, kind) in phrases where padded.contains(" \(phrase) ") { return kind }
        return nil
    }
}
