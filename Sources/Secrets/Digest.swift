internal import CSodium

/// SHA-256 from libsodium: content hashes for idempotent imports and for stored attachments.
public enum Digest {
    /// The SHA-256 of `bytes`, 32 bytes.
    public static func sha256(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
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
        return digest
    }

    public static func sha256(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { sha256(UnsafeRawBufferPointer($0)) }
    }

    /// The SHA-256 of `bytes`, as 64 lowercase hexadecimal digits.
    public static func sha256Hex(_ bytes: UnsafeRawBufferPointer) -> String {
        hex(sha256(bytes))
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { sha256Hex($0) }
    }

    public static func sha256Hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { sha256Hex(UnsafeRawBufferPointer($0)) }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            // A lookup in a static table costs a lazy-initialisation check per byte; arithmetic does not.
            for (index, byte) in bytes.enumerated() {
                let high = byte >> 4, low = byte & 15
                out[2 * index] = high < 10 ? 48 + high : 87 + high
                out[2 * index + 1] = low < 10 ? 48 + low : 87 + low
            }
            return bytes.count * 2
        }
    }
}
