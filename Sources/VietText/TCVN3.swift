/// TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime, .VnArial…): ASCII plus 67 lowercase
/// Vietnamese letters, the 7 untoned uppercase letters Ă Â Ê Ô Ơ Ư Đ, and NBSP.
///
/// There are no codes for uppercase toned letters: the .VnTimeH/.VnArialH fonts draw the lowercase
/// codes as capitals. The bytes alone cannot tell, so decoding yields lowercase for those codes
/// ("HÀ NỘI" typed in .VnTimeH decodes as "Hà nội"), and encoding an uppercase toned letter is
/// impossible (nil). Bytes the standard leaves free keep their Windows-1252 meaning, which is what
/// these files carry in practice (curly quotes, dashes typed in Word).
enum TCVN3 {
    /// The assigned codes, in byte order as published in the standard's chart.
    static let assigned: [(UInt8, Unicode.Scalar)] = [
        (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"), (0xA8, "ă"),
        (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"), (0xB5, "à"), (0xB6, "ả"),
        (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"), (0xBB, "ằ"), (0xBC, "ẳ"), (0xBD, "ẵ"), (0xBE, "ắ"), (0xC6, "ặ"),
        (0xC7, "ầ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCA, "ấ"), (0xCB, "ậ"), (0xCC, "è"), (0xCE, "ẻ"), (0xCF, "ẽ"),
        (0xD0, "é"), (0xD1, "ẹ"), (0xD2, "ề"), (0xD3, "ể"), (0xD4, "ễ"), (0xD5, "ế"), (0xD6, "ệ"), (0xD7, "ì"),
        (0xD8, "ỉ"), (0xDC, "ĩ"), (0xDD, "í"), (0xDE, "ị"), (0xDF, "ò"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE3, "ó"),
        (0xE4, "ọ"), (0xE5, "ồ"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE8, "ố"), (0xE9, "ộ"), (0xEA, "ờ"), (0xEB, "ở"),
        (0xEC, "ỡ"), (0xED, "ớ"), (0xEE, "ợ"), (0xEF, "ù"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF3, "ú"), (0xF4, "ụ"),
        (0xF5, "ừ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF8, "ứ"), (0xF9, "ự"), (0xFA, "ỳ"), (0xFB, "ỷ"), (0xFC, "ỹ"),
        (0xFD, "ý"), (0xFE, "ỵ"),
    ]

    static let table = ByteTable({
        var scalars = (0...255).map { CodePage1252.scalar(UInt8($0)) }
        for (byte, scalar) in assigned { scalars[Int(byte)] = scalar }
        return scalars
    }())

    /// Vietnamese letters are written only with their assigned codes: a free byte such as 0xE0
    /// or 0xC0 still decodes to its Windows meaning ("à", "À"), but "à" encodes as 0xB5 and "À",
    /// having no code, not at all.
    private static let inverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (byte, scalar) in table.scalars.enumerated() where scalar.value < 0x80 || VietLetter.lookup(scalar) == nil {
            map[scalar.value] = UInt8(byte)
        }
        for (byte, scalar) in assigned { map[scalar.value] = byte }
        return map
    }()

    static func decode(_ bytes: [UInt8]) -> String {
        table.decode(bytes)
    }

    /// The reading used to score TCVN3 during detection: free bytes from 0xA0 up become U+FFFD,
    /// so that 0xE0 read as Windows "à" cannot make a word look Vietnamese.
    static let strictTable = ByteTable({
        var scalars = table.scalars
        let assignedBytes = Set(assigned.map(\.0))
        for byte in 0xA1...0xFF where !assignedBytes.contains(UInt8(byte)) { scalars[byte] = "\u{FFFD}" }
        return scalars
    }())

    /// Nil when the text holds an uppercase toned letter or a character TCVN3 lacks.
    static func encode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in Composition.nfc(text).unicodeScalars {
            guard let byte = inverse[scalar.value] else { return nil }
            out.append(byte)
        }
        return out
    }
}
