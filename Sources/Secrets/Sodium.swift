internal import CSodium

/// libsodium must be initialised once before use; `sodium_init` is itself thread-safe and idempotent.
enum Sodium {
    static func ensureInitialized() {
        _ = initialized
    }

    private static let initialized: Bool = {
        guard sodium_init() >= 0 else { fatalError("libsodium could not be initialised") }
        return true
    }()
}
