/// Finds the residential unit in a text: "khu phố 6", "KP6", "Ấp Bàu Tre", "tổ dân phố 12", "thôn 3".
enum ResidentialExtractor {
    /// Folded marker words → the canonical name, and whether it needs its diacritics as written
    /// because the bare folded word is an everyday word ("bán" → "ban", "lang", "to").
    static let markers: [([UInt8], String, Set<String>?)] = words.map { (Keyword.sequence($0.0), $0.1, $0.2) }

    private static let words: [([String], String, Set<String>?)] = [
        (["khu", "pho"], "Khu phố", nil), (["to", "dan", "pho"], "Tổ dân phố", nil), (["tieu", "khu"], "Tiểu khu", nil),
        (["kp"], "Khu phố", nil), (["tdp"], "Tổ dân phố", nil), (["ap"], "Ấp", ["ấp", "Ấp", "ap", "Ap", "ẤP", "AP"]),
        (["thon"], "Thôn", ["thôn", "Thôn", "thon", "Thon"]), (["khom"], "Khóm", ["khóm", "Khóm"]),
        (["khoi"], "Khối", ["khối", "Khối"]), (["xom"], "Xóm", ["xóm", "Xóm"]), (["ban"], "Bản", ["bản", "Bản"]),
        (["buon"], "Buôn", ["buôn", "Buôn"]), (["lang"], "Làng", ["làng", "Làng"]), (["to"], "Tổ", ["tổ", "Tổ"]),
    ]

    /// The residential unit, canonically written ("Khu phố 6"), or nil. `placeStarts` are token
    /// indexes where an administrative name begins: a name there is a place, not a hamlet.
    static func extract(_ tokens: [Token], isPlaceName: (Int, Int) -> Bool) -> String? {
        // A "tổ" sits inside a khu phố or ấp: when both are written, the larger unit is the one to report.
        let found = all(tokens, isPlaceName: isPlaceName)
        return found.first { !$0.hasPrefix("Tổ ") || $0.hasPrefix("Tổ dân phố") } ?? found.first
    }

    private static func all(_ tokens: [Token], isPlaceName: (Int, Int) -> Bool) -> [String] {
        var found: [String] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].keyword != 0 else {
                index += 1
                continue
            }
            for (words, canonical, spellings) in markers {
                guard Keyword.matches(words, tokens, at: index) else { continue }
                if let spellings, words.count == 1, !spellings.contains(String(tokens[index].original)) { continue }
                let next = index + words.count
                guard next < tokens.count, !tokens[next].afterPunctuation else { continue }
                if tokens[next].isNumber {
                    found.append("\(canonical) \(Int(tokens[next].folded) ?? 0)")
                    break
                }
                // A named hamlet: capitalised words as written, up to punctuation or three words.
                var end = next
                while end < tokens.count, end - next < 3, tokens[end].isCapitalized, !(end > next && tokens[end].afterPunctuation),
                      LevelMarker.marker(in: tokens, at: end) == nil {
                    end += 1
                }
                if end > next, !isPlaceName(index, end) {
                    found.append(canonical + " " + tokens[next..<end].map { String($0.original) }.joined(separator: " "))
                    break
                }
            }
            index += 1
        }
        return found
    }
}
