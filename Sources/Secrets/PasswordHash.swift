internal import CSodium

/// Passwords stored as argon2id hashes (libsodium's `crypto_pwhash_str`, "interactive" limits:
/// about 0.3 s and 64 MiB on this machine). The string holds its own salt and parameters, so a
/// later change of limits still verifies older hashes. Blocking and slow by design: call it from
/// threads you own, never from Swift's cooperative pool.
public enum PasswordHash {
    /// The hash of `password`, an ASCII string of at most 128 bytes.
    public static func make(_ password: String) -> String {
        Sodium.ensureInitialized()
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let length = UInt64(password.utf8.count)
        let status = password.withCString { input in
            crypto_pwhash_str(&out, input, length, UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE),
                              Int(crypto_pwhash_MEMLIMIT_INTERACTIVE))
        }
        // Only running out of memory fails here; there is no hash to fall back on.
        precondition(status == 0, "crypto_pwhash_str failed: out of memory")
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches `hash`. Takes as long whatever the answer.
    public static func verify(_ password: String, hash: String) -> Bool {
        Sodium.ensureInitialized()
        let length = UInt64(password.utf8.count)
        return hash.withCString { stored in
            password.withCString { input in crypto_pwhash_str_verify(stored, input, length) == 0 }
        }
    }

    /// A one-time password people can type: 12 characters of Crockford's base 32 in three groups
    /// (60 random bits), e.g. "K7M3-Q9TX-R2AB".
    public static func oneTimePassword() -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var random = SecureRandom()
        var value = random.next()
        var characters: [Character] = []
        for index in 0..<12 {
            if index > 0 && index % 4 == 0 { characters.append("-") }
            characters.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        return String(characters)
    }
}
