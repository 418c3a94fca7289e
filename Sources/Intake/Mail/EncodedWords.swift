/// RFC 2047 encoded words in header text: "=?utf-8?B?UGjhuqNuIMOhbmg=?=", "=?windows-1258?Q?...?=".
/// Blanks between two adjacent encoded words are dropped (§6.2); a word that does not decode is
/// kept as written. The language suffix of RFC 2231 ("utf-8*vi") is ignored.
enum EncodedWords {
    static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var pendingBlanks: [UInt8] = []
        var lastWasEncoded = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?"),
               let (decoded, next) = word(bytes, at: index) {
                if !lastWasEncoded { out.append(contentsOf: pendingBlanks) }
                pendingBlanks.removeAll()
                out.append(contentsOf: decoded.utf8)
                index = next
                lastWasEncoded = true
                continue
            }
            let byte = bytes[index]
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
                pendingBlanks.append(byte)
            } else {
                out.append(contentsOf: pendingBlanks)
                pendingBlanks.removeAll()
                out.append(byte)
                lastWasEncoded = false
            }
            index += 1
        }
        out.append(contentsOf: pendingBlanks)
        return String(decoding: out, as: UTF8.self)
    }

    /// One encoded word starting at `start` ("=?"), decoded, and the index after its "?=".
    private static func word(_ bytes: [UInt8], at start: Int) -> (String, Int)? {
        var index = start + 2
        func field() -> ArraySlice<UInt8>? {
            let from = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "?") {
                if bytes[index] == 32 || bytes[index] == 9 { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[from..<index]
        }
        guard let charsetField = field(), !charsetField.isEmpty, let encodingField = field(), encodingField.count == 1 else { return nil }
        let textStart = index
        // The encoded text ends at the next "?="; it contains no blanks.
        while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: "=")) {
            if bytes[index] == 32 { return nil }
            index += 1
        }
        guard index + 1 < bytes.count else { return nil }
        let encoded = bytes[textStart..<index]
        var charset = String(decoding: charsetField, as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        let decodedBytes: [UInt8]
        switch encodingField.first! | 0x20 {
        case UInt8(ascii: "b"):
            decodedBytes = TransferEncoding.base64(encoded)
        case UInt8(ascii: "q"):
            var bytes: [UInt8] = []
            var i = encoded.startIndex
            while i < encoded.endIndex {
                let byte = encoded[i]
                if byte == UInt8(ascii: "_") {
                    bytes.append(32)
                } else if byte == UInt8(ascii: "="), i + 2 < encoded.endIndex,
                          let high = TransferEncoding.hexValue(encoded[i + 1]), let low = TransferEncoding.hexValue(encoded[i + 2]) {
                    bytes.append(high << 4 | low)
                    i += 2
                } else {
                    bytes.append(byte)
                }
                i += 1
            }
            decodedBytes = bytes
        default:
            return nil
        }
        return (MailCharset.decodeOrGuess(decodedBytes, charset: charset), index + 2)
    }
}
