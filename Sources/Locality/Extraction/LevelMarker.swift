/// Words that say what level the next name is: "phường", "P.", "huyện", "TP." …
enum LevelMarker {
    /// Folded word sequences, longest first.
    static let markers: [([String], AdministrativeLevel)] = [
        (["huyen", "dao"], .district), (["thanh", "pho"], .city), (["thi", "xa"], .town), (["thi", "tran"], .townlet), (["dac", "khu"], .specialZone),
        (["tinh"], .province), (["tp"], .city), (["quan"], .urbanDistrict), (["q"], .urbanDistrict),
        (["huyen"], .district), (["h"], .district), (["tx"], .town), (["tt"], .townlet),
        (["phuong"], .ward), (["p"], .ward), (["f"], .ward), (["xa"], .commune), (["x"], .commune),
    ]

    /// The marker starting at `index`, and how many tokens it takes.
    static func marker(in tokens: [Token], at index: Int) -> (AdministrativeLevel, Int)? {
        for (words, level) in markers where index + words.count <= tokens.count {
            if zip(words, tokens[index..<index + words.count]).allSatisfy({ $0 == $1.folded }) {
                return (level, words.count)
            }
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
