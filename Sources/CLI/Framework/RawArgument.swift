/// A command-line argument as the kernel gave it: bytes that may not be valid UTF-8.
public struct RawArgument: Sendable, Equatable {
    public var text: String
    /// Why the bytes are not UTF-8, or nil when they are.
    public var invalidUTF8: String?

    public init(bytes: [UInt8]) {
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
            invalidUTF8 = nil
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            let offset = RawArgument.firstInvalidOffset(bytes)
            invalidUTF8 = "không phải UTF-8 hợp lệ (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) ở vị trí \(offset))"
        }
    }

    public init(_ text: String) {
        self.text = text
        invalidUTF8 = nil
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else { return index }
            index += length
        }
        return max(0, bytes.count - 1)
    }
}
