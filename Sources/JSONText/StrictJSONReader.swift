/// Reads one JSON object (RFC 8259, nothing more: no trailing commas, comments, NaN or lone
/// surrogates) from the bytes of a line and gives its members. Written for `classify`, which
/// reads one object per line at tens of thousands of lines a second; JSONSerialization built a
/// dictionary of bridged values for each. A UTF-8 byte-order mark before the object is skipped.
/// Bytes that are not UTF-8 inside strings become U+FFFD, as `readLine` made them before.
public struct StrictJSONReader {
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "\(reason) at byte \(offset + 1)" }
    }

    /// Deeper nesting is refused rather than risk the stack.
    static let maximumDepth = 512

    private let input: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Reused for strings with escapes.
    private var scratch: [UInt8] = []

    private init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    /// The members of the object, in the order written (a repeated name appears twice).
    public static func members(of bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> [(name: String, value: JSONInputValue)] {
        var reader = StrictJSONReader(bytes)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { reader.index = 3 }
        reader.skipWhitespace()
        guard reader.peek == UInt8(ascii: "{") else { throw reader.error("expected an object") }
        reader.index += 1
        var members: [(name: String, value: JSONInputValue)] = []
        reader.skipWhitespace()
        if reader.peek == UInt8(ascii: "}") {
            reader.index += 1
        } else {
            while true {
                reader.skipWhitespace()
                guard reader.peek == UInt8(ascii: "\"") else { throw reader.error("expected a name") }
                let name = try reader.string()
                reader.skipWhitespace()
                try reader.expect(UInt8(ascii: ":"))
                reader.skipWhitespace()
                members.append((name, try reader.topLevelValue()))
                reader.skipWhitespace()
                if reader.peek == UInt8(ascii: ",") { reader.index += 1; continue }
                try reader.expect(UInt8(ascii: "}"))
                break
            }
        }
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.error("unexpected text after the object") }
        return members
    }

    private var peek: UInt8? { index < input.count ? input[index] : nil }

    private func error(_ reason: String) -> SyntaxError {
        SyntaxError(offset: index, reason: index < input.count ? reason : reason + " (end of line)")
    }

    private mutating func expect(_ byte: UInt8) throws(SyntaxError) {
        guard peek == byte else { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    private mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func topLevelValue() throws(SyntaxError) -> JSONInputValue {
        switch peek {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"): try skipValue(depth: 1); return .object
        case UInt8(ascii: "["):
            let start = index
            if let strings = try? stringArray() { return .strings(strings) }
            index = start
            try skipValue(depth: 1)
            return .array
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            let start = index
            try number()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self))
        }
    }

    /// `[ "a", "b" ]`; throws at anything else (the caller then checks it as any array).
    private mutating func stringArray() throws(SyntaxError) -> [String] {
        index += 1
        var items: [String] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") { index += 1; return items }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a string") }
            items.append(try string())
            skipWhitespace()
            if peek == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "]"))
            return items
        }
    }

    /// Checks a nested value without keeping it.
    private mutating func skipValue(depth: Int) throws(SyntaxError) {
        guard depth <= StrictJSONReader.maximumDepth else { throw error("nested too deeply") }
        switch peek {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "{"):
            index += 1
            skipWhitespace()
            if peek == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else { throw error("expected a name") }
                try skipString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "}"))
                return
            }
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            if peek == UInt8(ascii: "]") { index += 1; return }
            while true {
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "]"))
                return
            }
        default: try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= input.count,
              word.withUTF8Buffer({ w in (0..<count).allSatisfy { input[index + $0] == w[$0] } })
        else { throw error("expected a value") }
        index += count
    }

    /// -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?
    private mutating func number() throws(SyntaxError) {
        if peek == UInt8(ascii: "-") { index += 1 }
        switch peek ?? 0 {
        case UInt8(ascii: "0"): index += 1
        case UInt8(ascii: "1")...UInt8(ascii: "9"): skipDigits()
        default: throw error("expected a value")
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek, StrictJSONReader.isDigit(digit) else { throw error("expected a digit") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek, StrictJSONReader.isDigit(digit) else { throw error("expected a digit") }
            skipDigits()
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private mutating func skipDigits() {
        while let byte = peek, StrictJSONReader.isDigit(byte) { index += 1 }
    }

    private mutating func skipString() throws(SyntaxError) {
        _ = try scanString(decoding: false)
    }

    private mutating func string() throws(SyntaxError) -> String {
        try scanString(decoding: true)!
    }

    /// From the opening quote to past the closing one. Without escapes the bytes are decoded in
    /// place; with them, the string is built in `scratch`.
    private mutating func scanString(decoding: Bool) throws(SyntaxError) -> String? {
        index += 1
        let start = index
        var escaped = false
        while true {
            guard index < input.count else { throw error("unterminated string") }
            let byte = input[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw error("control character in a string") }
            if byte == UInt8(ascii: "\\") {
                if !escaped && decoding {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index]))
                }
                escaped = true
                try escape(appending: decoding)
                continue
            }
            if escaped && decoding { scratch.append(byte) }
            index += 1
        }
        let end = index
        index += 1
        guard decoding else { return nil }
        if escaped { return String(decoding: scratch, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self)
    }

    /// One escape, from its backslash; a \u high surrogate must be followed by a \u low one.
    private mutating func escape(appending: Bool) throws(SyntaxError) {
        index += 1
        guard let letter = peek else { throw error("unterminated string") }
        index += 1
        let simple: UInt8?
        switch letter {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: index -= 1; throw error("invalid escape")
        }
        if let simple {
            if appending { scratch.append(simple) }
            return
        }
        var scalar = try hexQuad()
        if 0xD800...0xDBFF ~= scalar {
            guard index + 1 < input.count, input[index] == UInt8(ascii: "\\"), input[index + 1] == UInt8(ascii: "u") else {
                throw error("lone surrogate")
            }
            index += 2
            let low = try hexQuad()
            guard 0xDC00...0xDFFF ~= low else { throw error("lone surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if 0xDC00...0xDFFF ~= scalar {
            throw error("lone surrogate")
        }
        if appending { scratch.append(contentsOf: String(Unicode.Scalar(scalar)!).utf8) }
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= input.count else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = input[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
