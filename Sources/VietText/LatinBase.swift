/// The ASCII base letter(s) of each precomposed Latin letter, case kept: "ộ" → "o", "Ð" → "D",
/// "Æ" → "AE". Derived from the Unicode canonical decompositions (first character), plus the letters
/// whose marks are not decomposable (stroke, bar, ligatures) that readers still see as the base letter.
///
/// Two dense tables: U+00C0–U+024F and U+1E00–U+1EFF (which holds all of Vietnamese). Each entry
/// packs up to two ASCII bytes into a UInt16 (low byte first); 0 means "no base letter".
enum LatinBase {
    static let latinStart: UInt32 = 0xC0
    static let latinEnd: UInt32 = 0x250
    static let additionalStart: UInt32 = 0x1E00
    static let additionalEnd: UInt32 = 0x1F00

    /// Packed base for `v`, or 0 when `v` is outside the tables or has no base letter.
    @inline(__always)
    static func packed(_ v: UInt32) -> UInt16 {
        if v >= latinStart && v < latinEnd { return latin[Int(v - latinStart)] }
        if v >= additionalStart && v < additionalEnd { return additional[Int(v - additionalStart)] }
        return 0
    }

    static let latin: [UInt16] = build(start: latinStart, rows: [
        "AAAAAA*CEEEEIIIIDNOOOOO_OUUUUY**", // U+00C0
        "aaaaaa*ceeeeiiiidnooooo_ouuuuy*y", // U+00E0
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGg", // U+0100
        "GgGgHhHhIiIiIiIiIi**JjKkkLlLlLlL", // U+0120
        "lLlNnNnNnnNnOoOoOo**RrRrRrSsSsSs", // U+0140
        "SsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs", // U+0160
        "bBBb___CcDDDd____FfG___IKkl__NnO", // U+0180  (hooked and barred letters)
        "Oo__Pp_____tTtTUu_VYyZz_________", // U+01A0  (Ơ ơ at 01A0, Ư ư at 01AF)
        "_____________AaIiOoUuUuUuUuUu_Aa", // U+01C0
        "Aa__GgGgKkOoOo__j___Gg__NnAa__Oo", // U+01E0
        "AaAaEeEeIiIiOoOoRrRrUuUuSsTt__Hh", // U+0200
        "Nd____AaEeOoOoOoOoYylnt_________", // U+0220
        "________________",                 // U+0240 (half row)
    ], multi: [
        0xC6: "AE", 0xDE: "TH", 0xDF: "ss", 0xE6: "ae", 0xFE: "th",
        0x132: "IJ", 0x133: "ij", 0x152: "OE", 0x153: "oe",
    ])

    static let additional: [UInt16] = build(start: additionalStart, rows: [
        "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFf", // U+1E00
        "GgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm", // U+1E20
        "MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRr", // U+1E40
        "SsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv", // U+1E60
        "WwWwWwWwWwXxXxYyZzZzZzhtwyas__*_", // U+1E80
        "AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe", // U+1EA0  Vietnamese block starts here
        "EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOo", // U+1EC0
        "OoOoUuUuUuUuUuUuUuYyYyYyYy______", // U+1EE0
    ], multi: [0x1E9E: "SS"])

    /// Expands rows of one character per code point: a letter is the base, "_" none, "*" see `multi`.
    private static func build(start: UInt32, rows: [String], multi: [UInt32: String]) -> [UInt16] {
        var table: [UInt16] = []
        for row in rows {
            for byte in row.utf8 {
                switch byte {
                case UInt8(ascii: "_"), UInt8(ascii: "*"): table.append(0)
                default: table.append(UInt16(byte))
                }
            }
        }
        for (scalar, letters) in multi {
            let bytes = Array(letters.utf8)
            table[Int(scalar - start)] = UInt16(bytes[0]) | UInt16(bytes.count > 1 ? bytes[1] : 0) << 8
        }
        precondition(table.count % 16 == 0, "LatinBase rows must cover whole code point rows")
        return table
    }
}
