internal import VietText

/// How a sheet's bytes are written. Spreadsheets in Vietnamese offices come as UTF-8 (with or
/// without a byte-order mark), as Excel's "Unicode text" (UTF-16LE), or in the legacy
/// single-byte encodings of the 1990s and 2000s.
public enum SheetEncoding: String, Sendable, CaseIterable {
    case utf8
    case utf16le
    case utf16be
    case cp1258
    case tcvn3
    case vni
    case viqr

    /// The command-line names: "auto" is nil.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf8", "utf-8": self = .utf8
        case "utf16", "utf-16", "utf16le", "utf-16le": self = .utf16le
        case "utf16be", "utf-16be": self = .utf16be
        default:
            guard let legacy = LegacyEncoding(name: name) else { return nil }
            self.init(legacy)
        }
    }

    init(_ legacy: LegacyEncoding) {
        switch legacy {
        case .utf8: self = .utf8
        case .cp1258: self = .cp1258
        case .tcvn3: self = .tcvn3
        case .vni: self = .vni
        case .viqr: self = .viqr
        }
    }

    var legacy: LegacyEncoding? {
        switch self {
        case .utf8: .utf8
        case .utf16le, .utf16be: nil
        case .cp1258: .cp1258
        case .tcvn3: .tcvn3
        case .vni: .vni
        case .viqr: .viqr
        }
    }

    /// The encoding of a sheet from its first bytes: a byte-order mark decides; UTF-16 without
    /// one shows as zero bytes in every other position; otherwise valid UTF-8 is UTF-8 and
    /// anything else goes to the Vietnamese legacy-encoding detector. VIQR is never guessed for
    /// a sheet (plain ASCII sheets are far more common); ask for it by name.
    public static func detect(_ sample: [UInt8]) -> (encoding: SheetEncoding, byteOrderMarkLength: Int) {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if sample.starts(with: [0xFF, 0xFE]) { return (.utf16le, 2) }
        if sample.starts(with: [0xFE, 0xFF]) { return (.utf16be, 2) }
        let probe = sample.prefix(4096)
        if probe.count >= 4 {
            var evenZeros = 0, oddZeros = 0
            for (offset, byte) in probe.enumerated() where byte == 0 {
                if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
            }
            let half = probe.count / 2
            if oddZeros * 3 > half && evenZeros * 10 < half { return (.utf16le, 0) }
            if evenZeros * 3 > half && oddZeros * 10 < half { return (.utf16be, 0) }
        }
        // Cut at the last line end, so a character split by the sample's end does not look invalid.
        let end = sample.lastIndex(of: 10).map { $0 + 1 } ?? sample.count
        let detected = LegacyText.detect(Array(sample[..<end]))
        return (detected == .viqr ? .utf8 : SheetEncoding(detected), 0)
    }
}
