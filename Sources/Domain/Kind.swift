/// The kind of a letter, as Thông tư 05/2021/TT-TTCP art. 6 distinguishes them.
/// Stored separately from the topic: a letter about land can be a complaint or a denunciation.
public enum Kind: String, CaseIterable, Codable, Sendable {
    case phanAnh = "phan-anh"
    case kienNghi = "kien-nghi"
    case khieuNai = "khieu-nai"
    case toCao = "to-cao"
    case yKien = "y-kien"

    /// The name users read.
    public var vietnameseName: String {
        switch self {
        case .phanAnh: "phản ánh"
        case .kienNghi: "kiến nghị"
        case .khieuNai: "khiếu nại"
        case .toCao: "tố cáo"
        case .yKien: "ý kiến"
        }
    }

    /// Anonymous denunciations are not accepted as tố cáo (Luật Tố cáo 2018), so one needs a named submitter.
    public var requiresNamedSubmitter: Bool { self == .toCao }

    /// Parses the code ("khieu-nai"); the list of valid codes is in `allCodes` for error messages.
    public init?(code: String) { self.init(rawValue: code) }

    public static var allCodes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
