/// RFC 4180 CSV as spreadsheets really export it: quoted fields with doubled quotes and embedded
/// newlines, CRLF or LF, a UTF-8 byte-order mark, and comma, semicolon or tab as the delimiter
/// (detected from the header line when not given).
public struct CSVReader: Sendable {
    public struct Record: Sendable, Equatable {
        /// The 1-based line where the record starts (a quoted field may span several lines).
        public var line: Int
        public var fields: [String]
    }

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public let delimiter: UInt8

    public init(delimiter: UInt8? = nil, detectingFrom bytes: [UInt8] = []) {
        self.delimiter = delimiter ?? CSVReader.detectDelimiter(bytes)
    }

    /// The delimiter that splits the first line into the most fields, outside quotes.
    public static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == 10 || byte == 13) { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? UInt8(ascii: ",")
    }

    /// All records of a UTF-8 text. A quote left open at the end is a problem naming its line.
    public func records(_ bytes: [UInt8]) throws(Problem) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1, recordLine = 1
        var quoted = false, wasQuoted = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 10 { line += 1 }
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && field.isEmpty && !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if byte == delimiter {
                endField()
            } else if byte == 10 || byte == 13 {
                if byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(byte)
            }
            index += 1
        }
        if quoted { throw Problem(line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
