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

    /// The delimiter that splits the most of the first twenty lines into the same number of
    /// fields, outside quotes. Consistency, not the largest count: a semicolon or tab sheet keeps
    /// commas unquoted in its text ("Đường hỏng, nhiều ổ gà"), and they vary from line to line,
    /// while a spreadsheet writes every row with as many delimiters as the header. A title line
    /// above the header (no delimiter at all) does not count. Ties go to the larger field count,
    /// then the comma, then the semicolon.
    public static func detectDelimiter(_ bytes: some Collection<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var perLine: [[Int]] = Array(repeating: [], count: candidates.count)
        var counts = Array(repeating: 0, count: candidates.count)
        var quoted = false
        var lineHasContent = false
        func endLine() {
            if lineHasContent {
                for index in candidates.indices { perLine[index].append(counts[index]) }
            }
            counts = Array(repeating: 0, count: candidates.count)
            lineHasContent = false
        }
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == 10 || byte == 13) {
                endLine()
                if perLine[0].count >= 20 { break }
                continue
            }
            lineHasContent = true
            if !quoted, let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        endLine()
        // (lines that agree, their delimiter count) for each candidate.
        let scores = perLine.map { lines -> (agreeing: Int, count: Int) in
            var frequency: [Int: Int] = [:]
            for count in lines where count > 0 { frequency[count, default: 0] += 1 }
            let best = frequency.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }
            return (best?.value ?? 0, best?.key ?? 0)
        }
        var chosen = 0
        for index in candidates.indices.dropFirst() {
            let (a, b) = (scores[index], scores[chosen])
            if a.agreeing > b.agreeing || (a.agreeing == b.agreeing && a.count > b.count) { chosen = index }
        }
        return candidates[chosen]
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
