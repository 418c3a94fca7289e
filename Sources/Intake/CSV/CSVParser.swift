/// An incremental RFC 4180 parser: bytes go in in chunks of any size (a quoted field, a CRLF or a
/// doubled quote may straddle two chunks), whole records come out. Memory is one record, so a
/// sheet of any size streams.
///
/// Lenient where real exports are sloppy: a quote inside an unquoted field is kept as a
/// character, text after a closing quote is appended to the field, a lone CR ends a line.
public struct CSVParser: Sendable {
    public struct Record: Sendable, Equatable {
        /// The 1-based line where the record starts (a quoted field may span several lines).
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    private enum State: Sendable {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    public let delimiter: UInt8
    /// Records longer than this are cut off and reported, so a missing closing quote cannot eat
    /// the rest of a 2 GB file into memory.
    public let maximumRecordBytes: Int
    private var state = State.fieldStart
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var recordBytes = 0
    private var line = 1
    private var recordLine = 1
    private var skipLineFeed = false
    private var overflowed = false
    private var fieldQuoted = false

    public init(delimiter: UInt8, maximumRecordBytes: Int = 16 << 20) {
        self.delimiter = delimiter
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// What goes wrong with one record; parsing goes on with the next.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "dòng \(line): \(message)" }

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public enum Output: Sendable, Equatable {
        case record(Record)
        case problem(Problem)
    }

    /// Parses a chunk, calling `emit` for each record completed in it.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (Output) throws -> Void) rethrows {
        let quote = UInt8(ascii: "\""), lf: UInt8 = 10, cr: UInt8 = 13
        var index = 0
        let count = chunk.count
        while index < count {
            let byte = chunk[index]
            index += 1
            if skipLineFeed {
                skipLineFeed = false
                if byte == lf { continue }
            }
            switch state {
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else {
                    // The run up to the next quote is copied at once, its line feeds counted.
                    var end = index
                    if byte == lf { line += 1 }
                    while end < count, chunk[end] != quote {
                        if chunk[end] == lf { line += 1 }
                        end += 1
                    }
                    append(UnsafeBufferPointer(rebasing: chunk[(index - 1)..<end]))
                    index = end
                }
            case .quoteInQuoted:
                if byte == quote {
                    append(quote)
                    state = .quoted
                } else {
                    state = .unquoted
                    index -= 1
                }
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    endField()
                } else if byte == lf || byte == cr {
                    if byte == cr { skipLineFeed = true }
                    try endRecord(emit)
                    line += 1
                    recordLine = line
                } else if byte == quote && state == .fieldStart {
                    state = .quoted
                    fieldQuoted = true
                } else {
                    // The run up to the next delimiter or line end is copied at once (a quote
                    // inside an unquoted field is an ordinary character).
                    var end = index
                    while end < count {
                        let next = chunk[end]
                        if next == delimiter || next == lf || next == cr { break }
                        end += 1
                    }
                    append(UnsafeBufferPointer(rebasing: chunk[(index - 1)..<end]))
                    index = end
                    state = .unquoted
                }
            }
        }
    }

    public mutating func feed(_ bytes: [UInt8], _ emit: (Output) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { try feed($0, emit) }
    }

    /// Ends the input: the last record without a final newline, or the problem of a quote never closed.
    public mutating func finish(_ emit: (Output) throws -> Void) rethrows {
        if state == .quoted {
            state = .fieldStart
            fields = []
            field = []
            recordBytes = 0
            fieldQuoted = false
            try emit(.problem(Problem(line: recordLine, message: "một ô mở dấu ngoặc kép nhưng không đóng")))
            return
        }
        if !field.isEmpty || !fields.isEmpty || fieldQuoted { try endRecord(emit) }
    }

    private mutating func append(_ byte: UInt8) {
        recordBytes += 1
        if recordBytes <= maximumRecordBytes { field.append(byte) } else { overflowed = true }
    }

    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        recordBytes += run.count
        if recordBytes <= maximumRecordBytes { field.append(contentsOf: run) } else { overflowed = true }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
        fieldQuoted = false
    }

    private mutating func endRecord(_ emit: (Output) throws -> Void) rethrows {
        let wasQuoted = fieldQuoted
        endField()
        let record = Record(line: recordLine, fields: fields)
        let overflow = overflowed
        fields.removeAll(keepingCapacity: true)
        recordBytes = 0
        overflowed = false
        if overflow {
            try emit(.problem(Problem(line: record.line, message: "bản ghi dài hơn \(maximumRecordBytes) byte (có dấu ngoặc kép không đóng?)")))
        } else if !(record.fields.count == 1 && record.fields[0].isEmpty && !wasQuoted) {
            // A blank line is no record.
            try emit(.record(record))
        }
    }
}
