internal import VietText

/// Bytes in a MIME charset to text. Vietnamese mail comes as UTF-8, Windows-1258 or (older)
/// ISO-8859-1 mislabelled; an unknown or missing label is guessed like a sheet's encoding.
enum MailCharset {
    /// The text, or nil when the charset is not one danvan reads (the caller guesses instead).
    static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String? {
        let label = String((charset ?? "").lowercased().unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\"" && $0 != "'" })
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8":
            return String(decoding: bytes, as: UTF8.self)
        case "us-ascii", "ascii", "ansi_x3.4-1968", "":
            // Mislabelled 8-bit text is common: read it as UTF-8 when it is, else guess.
            return bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: bytes, as: UTF8.self) : nil
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case "windows-1252", "cp1252", "x-cp1252":
            return VietText.decodeWindows1252(bytes)
        case "windows-1258", "cp1258", "x-cp1258":
            return try? LegacyText.decode(Array(bytes), from: .cp1258)
        case "tcvn", "tcvn3", "tcvn-5712", "tcvn5712-1", "x-viet-tcvn5712":
            return try? LegacyText.decode(Array(bytes), from: .tcvn3)
        case "vni", "x-viet-vni":
            return try? LegacyText.decode(Array(bytes), from: .vni)
        case "viqr", "x-viet-viqr":
            return try? LegacyText.decode(Array(bytes), from: .viqr)
        case "utf-16", "utf16":
            return utf16(Array(bytes), littleEndian: !(bytes.starts(with: [0xFE, 0xFF])))
        case "utf-16le": return utf16(Array(bytes), littleEndian: true)
        case "utf-16be": return utf16(Array(bytes), littleEndian: false)
        default:
            return nil
        }
    }

    /// Decodes with the charset, or, when it is unknown or wrong, as VietText's detector reads the
    /// bytes (valid UTF-8 first, then the legacy Vietnamese encodings); bytes that are mostly but
    /// not wholly UTF-8 are read as UTF-8 with replacement characters.
    static func decodeOrGuess(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        if let text = decode(bytes, charset: charset) { return text }
        let array = Array(bytes)
        return (try? LegacyText.decodeDetectingEncoding(array).text) ?? String(decoding: array, as: UTF8.self)
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> String {
        var units: [UInt16] = []
        var index = 0
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { index = 2 }
        while index + 1 < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
