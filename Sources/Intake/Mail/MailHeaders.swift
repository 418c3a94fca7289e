/// An RFC 5322 header section: fields in order, names compared without case, values unfolded
/// (a line break before a space or tab is removed, RFC 5322 §2.2.3).
struct MailHeaders: Sendable {
    struct Field: Sendable {
        var name: String
        /// Unfolded, still raw: encoded words are decoded by the reader of each field.
        var value: [UInt8]
    }

    var fields: [Field] = []

    /// The fields at the start of `bytes` and where the body begins (after the empty line).
    /// A line that is neither a field nor a continuation ends the header section and starts the
    /// body, as in Python's parser; an mbox "From " line at the very start is skipped.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (MailHeaders, bodyStart: Int) {
        var headers = MailHeaders()
        var index = bytes.startIndex
        let end = bytes.endIndex
        var first = true
        while index < end {
            var lineEnd = index
            while lineEnd < end, bytes[lineEnd] != 10 { lineEnd += 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            var contentEnd = lineEnd
            if contentEnd > index, bytes[contentEnd - 1] == 13 { contentEnd -= 1 }
            let line = bytes[index..<contentEnd]
            if line.isEmpty { return (headers, next) }
            if first, line.starts(with: "From ".utf8) {
                first = false
                index = next
                continue
            }
            first = false
            if line.first == 32 || line.first == 9 {
                if !headers.fields.isEmpty {
                    headers.fields[headers.fields.count - 1].value.append(contentsOf: line)
                    index = next
                    continue
                }
                return (headers, index)
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy({ $0 > 32 && $0 < 127 }) || isNameWithTrailingBlanks(line[line.startIndex..<colon])
            else { return (headers, index) }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).trimmingBlanks
            var valueStart = colon + 1
            while valueStart < contentEnd, bytes[valueStart] == 32 || bytes[valueStart] == 9 { valueStart += 1 }
            headers.fields.append(Field(name: name, value: Array(bytes[valueStart..<contentEnd])))
            index = next
        }
        return (headers, end)
    }

    /// "Subject :" (a blank before the colon) is obsolete syntax but still seen.
    private static func isNameWithTrailingBlanks(_ name: ArraySlice<UInt8>) -> Bool {
        var trimmed = name
        while let last = trimmed.last, last == 32 || last == 9 { trimmed = trimmed.dropLast() }
        return !trimmed.isEmpty && trimmed.allSatisfy { $0 > 32 && $0 < 127 }
    }

    func raw(_ name: String) -> [UInt8]? {
        fields.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// The field as text: raw 8-bit bytes read as UTF-8 (or guessed), encoded words decoded,
    /// whitespace runs collapsed, trimmed.
    func text(_ name: String) -> String? {
        raw(name).map(MailHeaders.decodeValue)
    }

    /// The field as text without decoding encoded words (Message-ID, Content-Type).
    func plain(_ name: String) -> String? {
        raw(name).map { MailHeaders.collapse(MailCharset.decodeOrGuess($0, charset: nil)) }
    }

    static func decodeValue(_ raw: [UInt8]) -> String {
        let text = raw.allSatisfy({ $0 < 0x80 }) ? String(decoding: raw, as: UTF8.self) : MailCharset.decodeOrGuess(raw, charset: nil)
        return collapse(EncodedWords.decode(text))
    }

    /// Tabs and line breaks left by unfolding become single spaces.
    static func collapse(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { a, b in
            a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= 97 && (a | 0x20) <= 122)
        }
    }

    var trimmingBlanks: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
