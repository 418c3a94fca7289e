/// Bytes that cannot be decoded. Only UTF-8 can fail: every byte means something in the
/// single-byte encodings and VIQR.
public struct TextDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let encoding: LegacyEncoding
    /// Zero-based offset of the first byte that is not part of a valid sequence.
    public let offset: Int
    public let byte: UInt8

    public init(encoding: LegacyEncoding, offset: Int, byte: UInt8) {
        self.encoding = encoding
        self.offset = offset
        self.byte = byte
    }

    public var description: String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "invalid \(encoding.displayName) at byte offset \(offset) (0x\(hex.count == 1 ? "0" + hex : hex))"
    }
}
