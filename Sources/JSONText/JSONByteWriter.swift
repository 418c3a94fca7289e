internal import Glibc

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
        JSONByteWriter.appendString(text, to: &bytes)
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
        JSONByteWriter.appendObject(map, to: &bytes)
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

    /// A JSON string appended to `bytes`. Runs that need no escape are copied whole, and found
    /// eight bytes at a time: most of what is written (letters, explanations) has none.
    public static func appendString(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count && !hasByteToEscape(UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                json.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index - 1]))
                runStart = index
                json.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): json.append(byte)
                case 8: json.append(UInt8(ascii: "b"))
                case 12: json.append(UInt8(ascii: "f"))
                case 10: json.append(UInt8(ascii: "n"))
                case 13: json.append(UInt8(ascii: "r"))
                case 9: json.append(UInt8(ascii: "t"))
                default:
                    json.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    json.append(hexDigit(byte >> 4))
                    json.append(hexDigit(byte & 15))
                }
            }
            json.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        json.append(UInt8(ascii: "\""))
    }

    /// An object of strings with its keys in the order of their UTF-8 bytes (Unicode scalar order:
    /// the order of String's comparison for NFC keys, without its much slower comparison).
    public static func appendObject(_ map: [String: String], to json: inout [UInt8]) {
        if map.isEmpty { return json.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")]) }
        json.reserveCapacity(json.count + map.reduce(2) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 } + 32)
        json.append(UInt8(ascii: "{"))
        for (index, pair) in map.sorted(by: { precedes($0.key, $1.key) }).enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            appendString(pair.key, to: &json)
            json.append(UInt8(ascii: ":"))
            appendString(pair.value, to: &json)
        }
        json.append(UInt8(ascii: "}"))
    }

    /// Whether any of eight bytes is a control character, a quote or a backslash. The classic
    /// "has a byte less than n" and "has a zero byte" word tricks: exact about whether one exists.
    public static func hasByteToEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    private static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                let common = min(a.count, b.count)
                if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
                    let order = memcmp(pa, pb, common)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }
}
