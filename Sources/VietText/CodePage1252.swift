/// Windows-1252, the code page most Vietnamese legacy text passed through on its way here: a
/// TCVN3 or VNI file opened without its font, or UTF-8 read by a Western program, ends up as
/// Windows-1252 characters. Its five unassigned bytes map to the C1 controls of the same number,
/// as Windows itself does, so every byte survives a round trip.
enum CodePage1252 {
    /// 0x80–0x9F; the other bytes are Latin-1.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    @inline(__always)
    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(high[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }

    /// The byte a scalar came from; Latin-1 C1 controls included, so this also inverts Latin-1.
    static func byte(for v: UInt32) -> UInt8? {
        if v < 0x100 { return UInt8(v) }
        // Only U+0152–U+02DC and U+2013–U+2122 are in the table; skip the hash for the rest
        // (the Vietnamese block above all, which mojibake repair scans constantly).
        if v > 0x2122 || (v > 0x2DC && v < 0x2013) { return nil }
        return inverse[v]
    }

    private static let inverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (offset, v) in high.enumerated() where v >= 0x100 { map[v] = UInt8(0x80 + offset) }
        return map
    }()
}
