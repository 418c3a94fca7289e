/// Random numbers from libsodium (the kernel's CSPRNG), for tracking codes and tokens. Values
/// come from a shared pool refilled in bulk (`RandomPool`): every value is used once.
public struct SecureRandom: RandomNumberGenerator, Sendable {
    public init() {}

    public mutating func next() -> UInt64 {
        RandomPool.shared.next()
    }
}
