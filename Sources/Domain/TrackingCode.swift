/// The code a citizen uses to follow a grievance: "K7M3Q-9TXR2".
///
/// Ten symbols of Crockford's base 32 (no I, L, O, U) give 50 random bits: short enough to read
/// over the phone, not sequential and not guessable. Reading is forgiving: case, spaces and
/// hyphens are ignored and the look-alikes O→0, I/L→1 are mapped.
public struct TrackingCode: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let symbolCount = 10

    /// Canonical form, with the hyphen: "K7M3Q-9TXR2".
    public let value: String

    public init?(parsing text: String) {
        // Byte by byte: codes are parsed for every request and every stored row read.
        var symbols: [UInt8] = []
        symbols.reserveCapacity(TrackingCode.symbolCount + 1)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "\t"): continue
            default:
                guard symbols.count < TrackingCode.symbolCount else { return nil }
                let upper = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
                switch upper {
                case UInt8(ascii: "O"): symbols.append(UInt8(ascii: "0"))
                case UInt8(ascii: "I"), UInt8(ascii: "L"): symbols.append(UInt8(ascii: "1"))
                default:
                    guard TrackingCode.isSymbol(upper) else { return nil }
                    symbols.append(upper)
                }
            }
        }
        guard symbols.count == TrackingCode.symbolCount else { return nil }
        symbols.insert(UInt8(ascii: "-"), at: 5)
        value = String(decoding: symbols, as: UTF8.self)
    }

    /// Crockford's base 32 in upper case: digits and letters but I, L, O, U.
    private static func isSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "I"), UInt8(ascii: "L"), UInt8(ascii: "O"), UInt8(ascii: "U"): false
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: false
        }
    }

    /// A fresh code from a cryptographically secure generator (the caller supplies it: Domain does no I/O).
    /// The alphabet has 32 symbols, so each takes exactly 5 bits of one 64-bit draw: no bias, one draw.
    public static func random(using generator: inout some RandomNumberGenerator) -> TrackingCode {
        var bits = generator.next()
        var value = ""
        value.reserveCapacity(symbolCount + 1)
        for index in 0..<symbolCount {
            if index == 5 { value.append("-") }
            value.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return TrackingCode(canonical: value)
    }

    private init(canonical: String) {
        value = canonical
    }

    public var description: String { value }
    public static func < (a: TrackingCode, b: TrackingCode) -> Bool { a.value < b.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = TrackingCode(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a tracking code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
