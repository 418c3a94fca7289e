import Foundation

/// Text matching for rules: keywords, residential names, names of people and units.
///
/// Folding is table-driven (it runs for every grievance a keyword or conflict check looks at):
/// lowercase ASCII without diacritics, đ → d, everything else that is not a letter or digit
/// becomes a single space, with a space at each end so " word " finds whole words only.
enum RoutingText {
    /// Base letter for each scalar below U+2000 that carries a diacritic or is uppercase; 0 when
    /// the scalar is not a letter or digit; 1 for a letter outside Latin (kept as it is).
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x2000)
        for value in 0..<0x2000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
                table[value] = UInt8(value)
            } else if (0x41...0x5A).contains(value) {
                table[value] = UInt8(value + 32)
            } else if value == 0x110 || value == 0x111 || value == 0xD0 {
                table[value] = UInt8(ascii: "d")  // Đ, đ and the look-alike Ð typed for Đ
            } else if (0x300...0x36F).contains(value) {
                table[value] = 2  // combining mark (NFD input): dropped
            } else if scalar.properties.isAlphabetic {
                let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!.value
                if (0x41...0x5A).contains(base) { table[value] = UInt8(base + 32) }
                else if (0x61...0x7A).contains(base) { table[value] = UInt8(base) }
                else { table[value] = 1 }
            }
        }
        return table
    }()

    static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    static func foldedBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = [32]
        out.reserveCapacity(text.utf8.count + 2)
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            let mapped: UInt8 = value < table.count ? table[value] : (scalar.properties.isAlphabetic ? 1 : 0)
            switch mapped {
            case 0:
                if !lastWasSpace { out.append(32); lastWasSpace = true }
            case 1:
                // A letter outside the Latin script: kept, lowercased.
                for lower in scalar.properties.lowercaseMapping.utf8 { out.append(lower) }
                lastWasSpace = false
            case 2:
                continue
            default:
                out.append(mapped)
                lastWasSpace = false
            }
        }
        if !lastWasSpace { out.append(32) }
        return out
    }

    /// Whether `haystack` contains `needle` (both folded bytes).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count && haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// "Khu phố 06", "KP6", "kp 6" → "kp 6": one key per residential area as people write it.
    static func residentialKey(_ text: String) -> String {
        var bytes = foldedBytes(text).filter { $0 != 32 }  // "khupho06"
        for (long, short) in [("khupho", "kp"), ("todanpho", "tdp"), ("khudancu", "kdc")] {
            let prefix = Array(long.utf8)
            if bytes.starts(with: prefix) { bytes = Array(short.utf8) + bytes.dropFirst(prefix.count) }
        }
        // Letters and digits become separate words ("kp6" → "kp 6"); leading zeros go ("06" → "6").
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        var previousIsDigit: Bool?
        for byte in bytes {
            let isDigit = byte >= 48 && byte <= 57
            if let previous = previousIsDigit, previous != isDigit { out.append(32) }
            if isDigit, byte == 48, previousIsDigit != true || out.last == 32 {
                // A leading zero of a number: skip it unless the number is just "0".
                previousIsDigit = true
                if out.last != 32 && !out.isEmpty { out.append(32) }
                continue
            }
            out.append(byte)
            previousIsDigit = isDigit
        }
        while out.last == 32 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
