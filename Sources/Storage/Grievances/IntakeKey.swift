internal import Secrets

/// How the intake ledger stores the key of a record taken in ("row:<SHA-256 of the row>",
/// "mid:<Message-ID>", "mail:<SHA-256 of the message>"): the first 16 bytes of the key's SHA-256.
/// Keys arrive in random order, so every insert touches a random page of their index; at 16 bytes
/// (without the source and time the first version kept beside them, which the "received" event
/// has) the index is a sixth of its old size, and a million keys' pages stay in SQLite's cache.
/// 128 bits make a collision between two different records (one lost as a "duplicate") a chance
/// of about 10⁻²¹ at a billion records.
public struct IntakeKey: Hashable, Sendable {
    let bytes: [UInt8]

    public init(_ key: String) {
        bytes = Array(Digest.sha256(key).prefix(16))
    }
}
