/// Words that say what level the next name is: "phường", "P.", "huyện", "TP." …
enum LevelMarker {
    /// Folded word sequences, longest first.
    static let markers: [([UInt8], AdministrativeLevel)] = words.map { (Keyword.sequence($0.0), $0.1) }

    private static let words: [([String], AdministrativeLevel)] = [
        (["huyen", "dao"], .district), (["thanh", "pho"], .city), (["thi", "xa"], .town), (["thi", "tran"], .townlet), (["dac", "khu"], .specialZone),
        (["tinh"], .province), (["tp"], .city), (["quan"], .urbanDistrict), (["q"], .urbanDistrict),
        (["huyen"], .district), (["h"], .district), (["tx"], .town), (["tt"], .townlet),
        (["phuong"], .ward), (["p"], .ward), (["f"], .ward), (["xa"], .commune), (["x"], .commune),
    ]

    /// The marker starting at `index`, and how many tokens it takes.
    static func marker(in tokens: [Token], at index: Int) -> (AdministrativeLevel, Int)? {
        guard index < tokens.count, tokens[index].keyword != 0 else { return nil }
        for (sequence, level) in markers where Keyword.matches(sequence, tokens, at: index) {
            return (level, sequence.count)
        }
        return nil
    }

    /// Whether a name of `unitLevel` may be written with `marker`.
    static func compatible(_ marker: AdministrativeLevel, _ unitLevel: AdministrativeLevel?) -> Bool {
        guard let unitLevel else { return marker == .province || marker == .city }
        if marker == unitLevel { return true }
        // "TP. Hà Nội" and "tỉnh Hà Nội" are both heard; a province is a province.
        return (marker == .city && unitLevel == .province) || (marker == .province && unitLevel == .city)
    }
}
