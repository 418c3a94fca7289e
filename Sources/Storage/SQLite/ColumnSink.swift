/// Where a row's column values go, in statement order: an array of `SQLValue` for ordinary
/// statements, or a `PackedRow` for the import writer. One description of a table's columns feeds
/// both, and text written as bytes (timestamps, JSON) reaches a packed row without becoming a
/// String first.
protocol ColumnSink {
    mutating func appendNull()
    mutating func append(_ number: Int64)
    mutating func append(_ text: String)
    /// A text value whose UTF-8 bytes `write` appends to the buffer it is given.
    mutating func appendText(_ write: (inout [UInt8]) -> Void)
}

extension ColumnSink {
    mutating func append(_ text: String?) {
        if let text { append(text) } else { appendNull() }
    }

    mutating func append(_ number: Int?) {
        if let number { append(Int64(number)) } else { appendNull() }
    }

    mutating func append(_ flag: Bool) { append(Int64(flag ? 1 : 0)) }
}

extension Array: ColumnSink where Element == SQLValue {
    mutating func appendNull() { append(.null) }
    mutating func append(_ number: Int64) { append(.integer(number)) }
    mutating func append(_ text: String) { append(.text(text)) }

    mutating func appendText(_ write: (inout [UInt8]) -> Void) {
        var bytes: [UInt8] = []
        write(&bytes)
        append(.text(String(decoding: bytes, as: UTF8.self)))
    }
}
