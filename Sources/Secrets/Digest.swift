internal import CSodium

/// SHA-256 from libsodium: content hashes for idempotent imports and for stored attachments.
public enum Digest {
    /// The SHA-256 of `bytes`, as 64 lowercase hexadecimal digits.
    public static func sha256Hex(_ bytes: UnsafeRawBufferPointer) -> String {
        Sodium.ensureInitialized()
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        var empty: UInt8 = 0
        digest.withUnsafeMutableBufferPointer { out in
            if let input = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) {
                _ = crypto_hash_sha256(out.baseAddress!, input, UInt64(bytes.count))
            } else {
                _ = crypto_hash_sha256(out.baseAddress!, &empty, 0)
            }
        }
        return hex(digest)
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { sha256Hex($0) }
    }

    public static func sha256Hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { sha256Hex(UnsafeRawBufferPointer($0)) }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
