import VietText

/// Text matching for rules: keywords, residential names, names of people and units.
enum RoutingText {
    static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// VietText's folding, with a space at each end so that " word " finds whole words only.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [32]
        bytes.append(contentsOf: VietText.foldedBytes(text))
        bytes.append(32)
        return bytes
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
