/// A structured MIME field, "text/plain; charset=utf-8; format=flowed", split into its value and
/// parameters (names lowercased). RFC 2231 is honoured: continuations (name*0, name*1 …) are
/// joined and extended values (name*=utf-8''T%C3%AAn.pdf) are percent-decoded in their charset.
/// A quoted value holding RFC 2047 encoded words (a non-standard habit of many mailers) is decoded too.
struct HeaderParameters: Sendable {
    var value: String
    var parameters: [String: String]

    init(_ raw: String) {
        let bytes = Array(raw.utf8)
        var index = 0
        func skipBlanks() {
            while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 || bytes[index] == 10 || bytes[index] == 13 { index += 1 }
        }
        func skipComment() {
            // "(comment)" with nesting and quoted pairs.
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") { depth -= 1; if depth == 0 { index += 1; return } }
                index += 1
            }
        }
        // The main value runs to the first ';'.
        var valueBytes: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") {
            if bytes[index] == UInt8(ascii: "(") { skipComment(); continue }
            valueBytes.append(bytes[index])
            index += 1
        }
        value = String(decoding: valueBytes, as: UTF8.self).trimmingBlanks.lowercased()
        // name=value pairs, collected raw first so continuations can be joined in order.
        var pieces: [(name: String, section: Int?, extended: Bool, value: [UInt8])] = []
        while index < bytes.count {
            index += 1 // the ';'
            skipBlanks()
            var nameBytes: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") {
                if bytes[index] != 32 && bytes[index] != 9 { nameBytes.append(bytes[index]) }
                index += 1
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            skipBlanks()
            var parameterValue: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    parameterValue.append(bytes[index])
                    index += 1
                }
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            } else {
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") {
                    if bytes[index] == UInt8(ascii: "(") { skipComment(); continue }
                    parameterValue.append(bytes[index])
                    index += 1
                }
                while let last = parameterValue.last, last == 32 || last == 9 { parameterValue.removeLast() }
            }
            var name = String(decoding: nameBytes, as: UTF8.self).lowercased()
            var extended = false
            if name.hasSuffix("*") {
                extended = true
                name.removeLast()
            }
            var section: Int?
            if let star = name.lastIndex(of: "*"), let number = Int(name[name.index(after: star)...]) {
                section = number
                name = String(name[..<star])
            }
            guard !name.isEmpty else { continue }
            pieces.append((name, section, extended, parameterValue))
        }
        var parameters: [String: String] = [:]
        let names = pieces.map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for name in names {
            let parts = pieces.filter { $0.name == name }
            let sectioned = parts.filter { $0.section != nil }.sorted { $0.section! < $1.section! }
            if sectioned.isEmpty {
                let part = parts[0]
                parameters[name] = part.extended ? HeaderParameters.extendedValue([part.value]) :
                    HeaderParameters.plainValue(part.value)
            } else if sectioned[0].extended {
                // The charset is named once, in section 0; later extended sections are percent-encoded,
                // plain ones are literal.
                var joined: [[UInt8]] = []
                for part in sectioned {
                    joined.append(part.extended ? part.value : HeaderParameters.percentEncoded(part.value))
                }
                parameters[name] = HeaderParameters.extendedValue(joined)
            } else {
                parameters[name] = HeaderParameters.plainValue(Array(sectioned.map(\.value).joined()))
            }
        }
        self.parameters = parameters
    }

    subscript(name: String) -> String? { parameters[name] }

    private static func plainValue(_ bytes: [UInt8]) -> String {
        let text = bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: bytes, as: UTF8.self) : MailCharset.decodeOrGuess(bytes, charset: nil)
        return EncodedWords.decode(text)
    }

    /// charset'language'percent-encoded, possibly split over several sections.
    private static func extendedValue(_ sections: [[UInt8]]) -> String {
        var all = Array(sections.joined())
        var charset: String?
        if let first = all.firstIndex(of: UInt8(ascii: "'")),
           let second = all[(first + 1)...].firstIndex(of: UInt8(ascii: "'")) {
            charset = String(decoding: all[..<first], as: UTF8.self)
            all = Array(all[(second + 1)...])
        }
        var decoded: [UInt8] = []
        var index = 0
        while index < all.count {
            if all[index] == UInt8(ascii: "%"), index + 2 < all.count,
               let high = TransferEncoding.hexValue(all[index + 1]), let low = TransferEncoding.hexValue(all[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(all[index])
                index += 1
            }
        }
        return MailCharset.decodeOrGuess(decoded, charset: charset?.isEmpty == false ? charset : "utf-8")
    }

    private static func percentEncoded(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for byte in bytes {
            if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "'") {
                out.append(contentsOf: Array("%\(String(byte, radix: 16, uppercase: true))".utf8))
            } else {
                out.append(byte)
            }
        }
        return out
    }
}
