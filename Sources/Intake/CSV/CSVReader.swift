/// A whole CSV text in memory, for small sheets (the unit directory): RFC 4180 as spreadsheets
/// really export it, with a UTF-8 byte-order mark skipped and the delimiter (comma, semicolon
/// or tab) detected from the header line when not given. Large sheets stream through `CSVParser`.
public struct CSVReader: Sendable {
    public typealias Record = CSVParser.Record
    public typealias Problem = CSVParser.Problem

    public let delimiter: UInt8

    public init(delimiter: UInt8? = nil, detectingFrom bytes: [UInt8] = []) {
        self.delimiter = delimiter ?? CSVReader.detectDelimiter(bytes)
    }

    /// The delimiter that splits the first line into the most fields, outside quotes.
    public static func detectDelimiter(_ bytes: some Collection<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == 10 || byte == 13) { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? UInt8(ascii: ",")
    }

    /// All records of a UTF-8 text. The first problem (a quote left open) is thrown, naming its line.
    public func records(_ bytes: [UInt8]) throws(Problem) -> [Record] {
        var parser = CSVParser(delimiter: delimiter)
        var outputs: [CSVParser.Output] = []
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        bytes[start...].withUnsafeBufferPointer { parser.feed($0) { outputs.append($0) } }
        parser.finish { outputs.append($0) }
        var records: [Record] = []
        for output in outputs {
            switch output {
            case let .record(record): records.append(record)
            case let .problem(problem): throw problem
            }
        }
        return records
    }
}
