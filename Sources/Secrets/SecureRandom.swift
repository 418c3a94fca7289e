internal import CSodium

/// Random numbers from libsodium (the kernel's CSPRNG), for tracking codes and tokens.
public struct SecureRandom: RandomNumberGenerator, Sendable {
    public init() {
        Sodium.ensureInitialized()
    }

    public mutating func next() -> UInt64 {
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { randombytes_buf($0.baseAddress!, $0.count) }
        return value
    }
}
