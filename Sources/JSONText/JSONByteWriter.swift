/// JSON written straight into bytes, for output produced at high rates (`classify`, the API).
/// It writes what `JSONLines`' encoder writes for the same values (sorted keys are the caller's
/// job): strings escaped as RFC 8259 requires and no more ("/" and non-ASCII as they are),
/// doubles in Swift's shortest form without a trailing ".0".
public struct JSONByteWriter: Sendable {
    public var bytes: [UInt8] = []
    /// Set when a NaN or infinity was asked for: JSON has no such number, so `null` was written
    /// in its place and the caller should report the value (JSONEncoder threw).
    public private(set) var wroteNonFinite = false

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Punctuation and keys known to need no escaping: `{"id":`.
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            wroteNonFinite = true
            return null()
        }
        // Not `Int(value)` for whole values: 1e16 and above print in exponent form, as JSONEncoder's do.
        let text = value.description
        if text.hasSuffix(".0") {
            bytes.append(contentsOf: text.utf8.dropLast(2))
        } else {
            bytes.append(contentsOf: text.utf8)
        }
    }

    public mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A string, or null for nil.
    public mutating func string(_ text: String?) {
        guard let text else { return null() }
        string(text)
    }

    /// A key and its colon, escaped as any string is.
    public mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        raw("\":")
    }

    /// A comma unless this is the first item of an object or array.
    public mutating func separator(_ first: inout Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }

    /// Keys in sorted order, as `JSONLines`' encoder writes them, with string values.
    public mutating func stringMap(_ map: [String: String]) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            separator(&first)
            string(key)
            bytes.append(UInt8(ascii: ":"))
            string(value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func bool(_ value: Bool) {
        value ? raw("true") : raw("false")
    }

    public mutating func null() {
        raw("null")
    }

    public mutating func stringArray(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Runs that need no escape are copied whole.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index])) }
            runStart = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          JSONByteWriter.hex[Int(byte >> 4)], JSONByteWriter.hex[Int(byte & 0xF)]])
            }
        }
        if runStart < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
        bytes.append(UInt8(ascii: "\""))
    }
}
