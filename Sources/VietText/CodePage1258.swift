/// Windows-1258: Latin-1 layout with the Vietnamese letters ă â đ ê ô ơ ư precomposed and the five
/// tones as combining marks (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2 dot below).
/// Decoded text is composed to NFC; encoding uses a precomposed byte when the code page has one
/// (à á è é …) and base + tone byte otherwise, as Windows does.
enum CodePage1258 {
    /// Bytes where Windows-1258 differs from Windows-1252/Latin-1.
    private static let differences: [UInt8: UInt32] = [
        0x8A: 0x008A, 0x8E: 0x008E, 0x9A: 0x009A, 0x9E: 0x009E,   // Š Ž š ž are not in 1258
        0xC3: 0x0102, 0xCC: 0x0300, 0xD0: 0x0110, 0xD2: 0x0309, 0xD5: 0x01A0, 0xDD: 0x01AF,
        0xDE: 0x0303, 0xE3: 0x0103, 0xEC: 0x0301, 0xF0: 0x0111, 0xF2: 0x0323, 0xF5: 0x01A1,
        0xFD: 0x01B0, 0xFE: 0x20AB,
    ]

    static let table = ByteTable((0...255).map { (byte: Int) -> Unicode.Scalar in
        if let v = differences[UInt8(byte)] { return Unicode.Scalar(v)! }
        return CodePage1252.scalar(UInt8(byte))
    })

    private static let inverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (byte, scalar) in table.scalars.enumerated() { map[scalar.value] = UInt8(byte) }
        return map
    }()

    static func byte(for v: UInt32) -> UInt8? { inverse[v] }

    static func decode(_ bytes: [UInt8]) -> String {
        Composition.nfc(table.decode(bytes))
    }

    static func encode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in Composition.nfc(text).unicodeScalars {
            if let byte = inverse[scalar.value] {
                out.append(byte)
                continue
            }
            // A toned letter with no precomposed byte: the untoned letter, then the tone mark.
            guard let letter = VietLetter.lookup(scalar), letter.tone != .none,
                  let untoned = letter.untoned.scalar, let baseByte = inverse[untoned.value],
                  let tone = CombiningMark.scalar(for: letter.tone), let toneByte = inverse[tone.value]
            else { return nil }
            out.append(baseByte)
            out.append(toneByte)
        }
        return out
    }
}
