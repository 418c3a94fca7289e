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

    /// The delimiter that splits some line of the first twenty into the most fields, outside
    /// quotes: a title line above the header may hold no delimiter at all.
    public static func detectDelimiter(_ bytes: some Collection<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var best: [UInt8: Int] = [:]
        var counts: [UInt8: Int] = [:]
        var quoted = false
        var lines = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == 10 || byte == 13) {
                for (key, value) in counts where value > best[key, default: 0] { best[key] = value }
                counts.removeAll(keepingCapacity: true)
                lines += 1
                if lines >= 20 { break }
                continue
            }
            if !quoted, candidates.contains(byte) { counts[byte, default: 0] += 1 }
        }
        for (key, value) in counts where value > best[key, default: 0] { best[key] = value }
        // Most fields wins; a tie goes to the comma, then the semicolon.
        return candidates.max { a, b in best[a, default: 0] != best[b, default: 0] ? best[a, default: 0] < best[b, default: 0]
            : candidates.firstIndex(of: a)! > candidates.firstIndex(of: b)! } ?? UInt8(ascii: ",")
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
