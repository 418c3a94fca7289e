/// An incremental RFC 4180 parser: bytes go in in chunks of any size (a quoted field, a CRLF or a
/// doubled quote may straddle two chunks), whole records come out. Memory is one record, so a
/// sheet of any size streams.
///
/// Lenient where real exports are sloppy: a quote inside an unquoted field is kept as a
/// character, a lone CR ends a line. Text after a closing quote is appended to the field, but
/// the record says which field (`strayQuoteField`): a quote inside a quoted cell, not doubled,
/// ends the cell early, so where the cells of that row begin and end cannot be known.
///
/// A record that cannot be a record is reported as a problem holding its first line, and parsing
/// resumes on the line after it, so a stray quote costs that line, never the rest of the sheet:
/// a quote never closed before the end of the input; a quoted field that runs over a line end
/// and whose closing quote is followed by more text (a stray quote that met the next row's
/// opening quote: `An,"Cống tắc⏎Bình,"Đường ngập"`); more bytes than `maximumRecordBytes`.
public struct CSVParser: Sendable {
    public struct Record: Sendable, Equatable {
        /// The 1-based line where the record starts (a quoted field may span several lines).
        public var line: Int
        public var fields: [String]
        /// The record's bytes as they came to the parser, without its line end: what the
        /// quarantine keeps of a row that is refused.
        public var raw: [UInt8]
        /// The 0-based field of the first quoted cell whose closing quote was followed by more
        /// text on the same line (`"Cống bị "tắc" nghẽn"`), nil when the quoting is sound.
        public var strayQuoteField: Int?

        public init(line: Int, fields: [String], raw: [UInt8] = [], strayQuoteField: Int? = nil) {
            self.line = line
            self.fields = fields
            self.raw = raw
            self.strayQuoteField = strayQuoteField
        }
    }

    private enum State: Sendable {
        case fieldStart, unquoted, quoted, quoteInQuoted
        /// The rest of a line whose first bytes were reported as too long.
        case skippingLine
    }

    public let delimiter: UInt8
    /// Records longer than this are reported, so a missing closing quote cannot eat the rest of
    /// a 2 GB file into memory.
    public let maximumRecordBytes: Int
    private var state = State.fieldStart
    private var fields: [String] = []
    private var field: [UInt8] = []
    /// The current record's bytes from earlier chunks.
    private var carried: [UInt8] = []
    private var fieldBytes = 0
    private var overflowed = false
    private var line = 1
    private var recordLine = 1
    private var skipLineFeed = false
    private var fieldQuoted = false
    /// The quoted field ran over a line end; and whether its last byte so far was a CR (a CRLF
    /// inside quotes is one line, even cut between two chunks).
    private var quotedOverLines = false
    private var quotedAfterCR = false
    /// The current record's first field with text after its closing quote.
    private var strayQuoteField: Int?

    public init(delimiter: UInt8, maximumRecordBytes: Int = 16 << 20) {
        self.delimiter = delimiter
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// What goes wrong with one record; parsing goes on with the next line.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        /// The first line of the record at fault, as it came (at most `maximumRecordBytes`).
        public var raw: [UInt8]
        public var description: String { "dòng \(line): \(message)" }

        public init(line: Int, message: String, raw: [UInt8] = []) {
            self.line = line
            self.message = message
            self.raw = raw
        }
    }

    public enum Output: Sendable, Equatable {
        case record(Record)
        case problem(Problem)
    }

    static let unclosedQuoteMessage = "một ô mở dấu ngoặc kép nhưng không đóng"
    static let strayQuoteMessage = "một ô mở dấu ngoặc kép ở dòng này và chỉ đóng ở dòng sau, giữa chừng một ô "
        + "(thiếu dấu ngoặc kép đóng?)"

    private var tooLongMessage: String {
        "bản ghi dài hơn \(maximumRecordBytes) byte (có dấu ngoặc kép không đóng?)"
    }

    /// Parses a chunk, calling `emit` for each record completed in it.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (Output) throws -> Void) rethrows {
        var again = try scan(chunk, emit)
        while let bytes = again {
            again = try bytes.withUnsafeBufferPointer { try scan($0, emit) }
        }
    }

    public mutating func feed(_ bytes: [UInt8], _ emit: (Output) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { try feed($0, emit) }
    }

    /// Ends the input: the last record without a final newline. A quote still open is reported
    /// with its line, and the lines after that line are parsed again.
    public mutating func finish(_ emit: (Output) throws -> Void) rethrows {
        while state == .quoted {
            let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            let again = try fail(empty, at: 0, recordStart: 0, message: CSVParser.unclosedQuoteMessage, emit)
            try feed(again, emit)
        }
        if state == .skippingLine {
            state = .fieldStart
            return
        }
        if !carried.isEmpty || !field.isEmpty || !fields.isEmpty || fieldQuoted {
            let raw = carried
            carried.removeAll()
            try endRecord(raw: raw, emit)
        }
    }

    /// Parses `chunk` from its start; when a record fails, returns the bytes to parse again (the
    /// failed record after its first line, then the rest of the chunk).
    private mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (Output) throws -> Void) rethrows -> [UInt8]? {
        let quote = UInt8(ascii: "\""), lf: UInt8 = 10, cr: UInt8 = 13
        var index = 0
        var recordStart = 0
        let count = chunk.count
        while index < count {
            let byte = chunk[index]
            index += 1
            if skipLineFeed {
                skipLineFeed = false
                if byte == lf {
                    recordStart = index
                    continue
                }
            }
            switch state {
            case .skippingLine:
                if byte == lf || byte == cr {
                    if byte == cr { skipLineFeed = true }
                    line += 1
                    recordLine = line
                    recordStart = index
                    state = .fieldStart
                } else {
                    while index < count, chunk[index] != lf, chunk[index] != cr { index += 1 }
                    recordStart = index
                }
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                    quotedAfterCR = false
                } else {
                    // The run up to the next quote is copied at once, its line ends counted
                    // (LF, CRLF or CR alone, as outside quotes).
                    var end = index - 1
                    while end < count {
                        let next = chunk[end]
                        if next == quote { break }
                        if next == cr {
                            line += 1
                            quotedOverLines = true
                            quotedAfterCR = true
                        } else {
                            if next == lf {
                                if !quotedAfterCR { line += 1 }
                                quotedOverLines = true
                            }
                            quotedAfterCR = false
                        }
                        end += 1
                    }
                    append(UnsafeBufferPointer(rebasing: chunk[(index - 1)..<end]))
                    index = end
                }
            case .quoteInQuoted:
                if byte == quote {
                    append(quote)
                    state = .quoted
                } else if quotedOverLines && byte != delimiter && byte != lf && byte != cr {
                    // Too long already, it is reported as such: the same message however the input was cut.
                    let tooLong = overflowed || carried.count + index - 1 - recordStart > maximumRecordBytes
                    return try fail(chunk, at: index - 1, recordStart: recordStart,
                                    message: tooLong ? tooLongMessage : CSVParser.strayQuoteMessage, emit)
                } else {
                    if byte != delimiter && byte != lf && byte != cr && strayQuoteField == nil {
                        strayQuoteField = fields.count
                    }
                    state = .unquoted
                    index -= 1
                }
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    endField()
                } else if byte == lf || byte == cr {
                    let end = index - 1
                    if overflowed || carried.count + end - recordStart > maximumRecordBytes {
                        return try fail(chunk, at: end, recordStart: recordStart, message: tooLongMessage, emit)
                    }
                    var raw = carried
                    raw.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[recordStart..<end]))
                    carried.removeAll(keepingCapacity: true)
                    if byte == cr { skipLineFeed = true }
                    try endRecord(raw: raw, emit)
                    line += 1
                    recordLine = line
                    recordStart = index
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
        guard state != .skippingLine else { return nil }
        if recordStart < count { carried.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[recordStart..<count])) }
        if overflowed || carried.count > maximumRecordBytes {
            return try fail(chunk, at: count, recordStart: count, message: tooLongMessage, emit)
        }
        return nil
    }

    /// Reports the current record (its bytes are `carried` and `chunk[recordStart..<failure]`) as
    /// a problem holding its first line, and returns what must be parsed again from the line after it.
    private mutating func fail(_ chunk: UnsafeBufferPointer<UInt8>, at failure: Int, recordStart: Int, message: String,
                               _ emit: (Output) throws -> Void) rethrows -> [UInt8] {
        let lf: UInt8 = 10, cr: UInt8 = 13
        var consumed = carried
        consumed.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[recordStart..<failure]))
        carried.removeAll()
        fields.removeAll()
        field.removeAll()
        fieldBytes = 0
        overflowed = false
        fieldQuoted = false
        quotedOverLines = false
        quotedAfterCR = false
        strayQuoteField = nil
        state = .fieldStart
        let rest = Array(UnsafeBufferPointer(rebasing: chunk[failure...]))
        guard let end = consumed.firstIndex(where: { $0 == lf || $0 == cr }) else {
            // The record never left its first line: that line is reported and the rest of it skipped.
            try emit(.problem(Problem(line: recordLine, message: message, raw: Array(consumed.prefix(maximumRecordBytes)))))
            state = .skippingLine
            return rest
        }
        try emit(.problem(Problem(line: recordLine, message: message, raw: Array(consumed[..<end].prefix(maximumRecordBytes)))))
        var next = end + 1
        if consumed[end] == cr {
            if next < consumed.count {
                if consumed[next] == lf { next += 1 }
            } else {
                skipLineFeed = true
            }
        }
        line = recordLine + 1
        recordLine = line
        return Array(consumed[next...]) + rest
    }

    private mutating func append(_ byte: UInt8) {
        fieldBytes += 1
        if fieldBytes <= maximumRecordBytes { field.append(byte) } else { overflowed = true }
    }

    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        fieldBytes += run.count
        if fieldBytes <= maximumRecordBytes { field.append(contentsOf: run) } else { overflowed = true }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
        fieldQuoted = false
        quotedOverLines = false
    }

    private mutating func endRecord(raw: [UInt8], _ emit: (Output) throws -> Void) rethrows {
        let wasQuoted = fieldQuoted
        endField()
        let record = Record(line: recordLine, fields: fields, raw: raw, strayQuoteField: strayQuoteField)
        fields.removeAll(keepingCapacity: true)
        strayQuoteField = nil
        fieldBytes = 0
        // A blank line is no record.
        if !(record.fields.count == 1 && record.fields[0].isEmpty && !wasQuoted) {
            try emit(.record(record))
        }
    }
}
