/// The encodings Vietnamese text arrives in. Raw values are the names `danvan text convert --from`
/// accepts (besides `auto`).
///
/// - `utf8`: UTF-8 (a leading byte-order mark is dropped).
/// - `cp1258`: Windows-1258, precomposed vowels plus combining tone marks.
/// - `tcvn3`: TCVN 5712:1993 VN3 ("ABC", .VnTime fonts). Uppercase toned letters have no codes of
///   their own (the .VnTimeH fonts draw the lowercase codes as capitals), so they decode lowercase.
/// - `vni`: VNI-Windows, base letter plus mark byte.
/// - `viqr`: RFC 1456 VIQR, ASCII with mnemonic marks ("Vie^.t Nam").
public enum LegacyEncoding: String, CaseIterable, Sendable {
    case utf8, cp1258, tcvn3, vni, viqr

    /// Accepts the raw values and the usual aliases ("UTF-8", "windows-1258", "ABC", "VNI-Windows"…).
    public init?(name: String) {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "utf8": self = .utf8
        case "cp1258", "windows1258", "win1258": self = .cp1258
        case "tcvn3", "tcvn", "tcvn5712", "vn3", "abc", "vntime": self = .tcvn3
        case "vni", "vniwindows", "vniwin": self = .vni
        case "viqr", "vietnet": self = .viqr
        default: return nil
        }
    }

    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .cp1258: "Windows-1258"
        case .tcvn3: "TCVN3"
        case .vni: "VNI-Windows"
        case .viqr: "VIQR"
        }
    }
}
