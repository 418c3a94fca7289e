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
        var symbols: [Character] = []
        for ch in text.uppercased() {
            switch ch {
            case " ", "-", "\t": continue
            case "O": symbols.append("0")
            case "I", "L": symbols.append("1")
            default:
                guard TrackingCode.alphabet.contains(ch) else { return nil }
                symbols.append(ch)
            }
        }
        guard symbols.count == TrackingCode.symbolCount else { return nil }
        value = String(symbols[0..<5]) + "-" + String(symbols[5...])
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
