import Foundation

/// Text matching for rules: keywords, residential names, names of people and units.
enum RoutingText {
    /// Lowercase without diacritics, đ → d, punctuation as spaces, single spaces, padded with a
    /// space each side so that " word " finds whole words only.
    static func fold(_ text: String) -> String {
        var out = " "
        var lastWasSpace = true
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining marks: the tone and vowel diacritics
            case 0x0110, 0x0111, 0x00D0: out.append("d"); lastWasSpace = false
            default:
                if CharacterSet.alphanumerics.contains(scalar) {
                    out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                    lastWasSpace = false
                } else if !lastWasSpace {
                    out.append(" ")
                    lastWasSpace = true
                }
            }
        }
        if !lastWasSpace { out.append(" ") }
        return out
    }

    /// "Khu phố 06", "KP6", "kp 6" → "kp 6": one key per residential area as people write it.
    static func residentialKey(_ text: String) -> String {
        var folded = fold(text).trimmingCharacters(in: .whitespaces)
        for (long, short) in [("khu pho", "kp"), ("to dan pho", "tdp"), ("khu dan cu", "kdc")] where folded.hasPrefix(long) {
            folded = short + folded.dropFirst(long.count)
        }
        // Split letters from digits ("kp6" → "kp 6") and drop leading zeros ("06" → "6").
        var parts: [String] = []
        var current = ""
        var currentIsDigit = false
        for ch in folded where ch != " " {
            if !current.isEmpty && ch.isNumber != currentIsDigit {
                parts.append(current)
                current = ""
            }
            current.append(ch)
            currentIsDigit = ch.isNumber
        }
        if !current.isEmpty { parts.append(current) }
        return parts.map { part in
            guard let number = Int(part) else { return part }
            return String(number)
        }.joined(separator: " ")
    }
}
