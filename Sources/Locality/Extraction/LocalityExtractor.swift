import VietText

/// Finds the province, commune (units in force since 2025-07-01) and residential area a text
/// names, also when it uses the old three-tier names, abbreviations or no diacritics.
///
/// How: the text is split into words; level markers ("phường", "P.", "huyện", "TP.") and names
/// from the gazetteer are found, skipping street and person names ("đường Nguyễn Trãi", "ông
/// Hoa"). Every name that can be a commune, new or old (through the official old→new mapping),
/// becomes a hypothesis, scored by its marker and by what *other* names in the text say about the
/// province and the old district. A commune written without a marker counts only when something
/// else in the text (or the registering office's area) supports it.
public struct LocalityExtractor: Sendable {
    public let gazetteer: Gazetteer
    /// Words before a name that make it a street, a person or a shop rather than a place.
    static let trapWords: Set<String> = [
        // streets and numbers
        "duong", "hem", "ngo", "kiet", "ngach", "pho", "so", "dai lo", "quoc lo", "tinh lo", "cau",
        // people: kinship words and "tên (là)"
        "ong", "ba", "anh", "chi", "em", "co", "chu", "bac", "cu", "chau", "con", "be", "di", "cau", "thim", "mo", "ten", "ten la",
        // shops, firms, food named after places
        "quan an", "tiem", "cho", "truong", "benh vien", "cua hang", "sieu thi", "nha hang", "khach san", "cong ty", "xe khach",
        "hang xe", "nha xe", "banh mi", "mi", "com", "bun", "hu tieu", "ca phe", "nuoc mam", "keo", "banh",
        "bia", "bun bo", "mam", "che",
        // the common surnames and middle names before a given name that happens to be a place
        "nguyen", "tran", "pham", "hoang", "huynh", "phan", "vo", "dang", "bui", "ngo", "thi", "van", "huu",
        // titles and callings
        "giao", "co giao", "thay giao", "bac si", "si", "thay", "ngoai", "noi",
    ]
    static let inputLimit = 4000

    public init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    struct Mention {
        var id: Int
        var start: Int
        var end: Int
        var marker: AdministrativeLevel?
        var names: [Gazetteer.Name]
        var markerMismatch: Bool
        /// Where the name ends in the gazetteer's index, to find a new unit of the same name.
        var node: Int32
        var wordCount: Int
        var isSingleWord: Bool { wordCount == 1 }
        /// "Thành phố cần có …": in a text that capitalises names, a lowercase word after a marker is no name.
        var isLowercaseInCapitalisedText = false
        /// Every word of the name starts with a capital ("Huế", "BRVT").
        var isCapitalised = false
    }

    public func locate(_ text: String, defaultProvince: String? = nil, defaultCommune: String? = nil) -> LocalityResult {
        // A long letter names its place near the start or in its address; looking further only adds noise.
        let clipped = text.utf8.count > LocalityExtractor.inputLimit ? String(text.prefix(LocalityExtractor.inputLimit)) : text
        // NFC, "Ð" for "Đ", mojibake repaired: the spelling checks compare letters as typed.
        let input = VietText.normalize(clipped)
        let tokens = PlaceTokenizer.tokens(input, gazetteer: gazetteer)
        guard !tokens.isEmpty else { return .nothing }
        let mentions = findMentions(tokens)
        let residential = ResidentialExtractor.extract(tokens) { start, end in
            mentions.contains { $0.start < end && $0.end > start && $0.marker != nil }
        }
        var result = resolve(mentions, defaultProvince: defaultProvince, defaultCommune: defaultCommune)
        result.residential = residential
        return result
    }

    // MARK: - Finding names

    private func findMentions(_ tokens: [Token]) -> [Mention] {
        var mentions: [Mention] = []
        let capitalises = tokens.dropFirst().contains { $0.isCapitalized && !$0.isNumber }
        var index = 0
        while index < tokens.count {
            var nameStart = index
            var marker: AdministrativeLevel?
            if let (level, length) = LevelMarker.marker(in: tokens, at: index) {
                marker = level
                nameStart = index + length
            }
            if let mention = longestName(tokens, from: nameStart, marker: marker, id: mentions.count) {
                // Without a marker, a street or person word before the name makes it not a place,
                // and so does a lowercase name in a text that capitalises names ("bình an").
                if marker == nil && (isTrapped(tokens, before: nameStart)
                                     || (capitalises && !tokens[nameStart].isCapitalized && tokens[nameStart].hasDiacritics)) {
                    index = mention.end
                    continue
                }
                mentions.append(Mention(id: mentions.count, start: index, end: mention.end, marker: marker,
                                        names: mention.names, markerMismatch: mention.markerMismatch, node: mention.node,
                                        wordCount: mention.end - nameStart,
                                        isLowercaseInCapitalisedText: capitalises && !tokens[nameStart].isNumber
                                            && !tokens[nameStart].isCapitalized,
                                        isCapitalised: tokens[nameStart..<mention.end].allSatisfy(\.isCapitalized)))
                index = mention.end
            } else {
                index += 1
            }
        }
        return mentions
    }

    private func isTrapped(_ tokens: [Token], before index: Int) -> Bool {
        guard index > 0, !tokens[index].afterPunctuation else { return false }
        let previous = tokens[index - 1].folded
        if previous == "pho" && index > 1 && tokens[index - 2].folded == "khu" { return false }
        if LocalityExtractor.trapWords.contains(previous) { return true }
        if index > 1 && LocalityExtractor.trapWords.contains(tokens[index - 2].folded + " " + previous) { return true }
        // A house number right before a name is a street: "45 Điện Biên Phủ".
        return tokens[index - 1].isNumber && !tokens[index - 1].afterPunctuation && index > 1
            ? LevelMarker.marker(in: tokens, at: index - 2) == nil : false
    }

    private func longestName(_ tokens: [Token], from start: Int, marker: AdministrativeLevel?, id: Int)
        -> (end: Int, names: [Gazetteer.Name], markerMismatch: Bool, node: Int32)? {
        guard start < tokens.count else { return nil }
        // Walk the name index word by word; remember every node where a name ends.
        var ends: [(length: Int, node: Int32)] = []
        var node = Gazetteer.root
        var length = 0
        while start + length < tokens.count {
            let token = tokens[start + length]
            // A comma ends a name: "Tân Bình, Hồ Chí Minh" is two names.
            if length > 0 && token.afterPunctuation { break }
            guard let word = token.wordID, let next = gazetteer.child(of: node, word: word) else { break }
            node = next
            length += 1
            if gazetteer.names(at: node) != nil { ends.append((length, node)) }
        }
        for (length, node) in ends.reversed() {
            guard let found = gazetteer.names(at: node) else { continue }
            var names = Array(found)
            let isNumeric = tokens[start].isNumber
            if isNumeric && marker == nil { continue }
            names = names.filter { !$0.isShortAlias || marker != nil || isUpperCaseAbbreviation(tokens[start], $0) }
            // Diacritics typed must agree with the name's: "Cháu Phú" is not "Châu Phú".
            if tokens[start..<start + length].contains(where: \.hasDiacritics) {
                names = names.filter { Spelling.agrees(tokens[start..<start + length], with: $0.spelling) }
            }
            guard !names.isEmpty else { continue }
            var mismatch = false
            if let marker {
                let compatible = names.filter { LevelMarker.compatible(marker, $0.level) }
                if compatible.isEmpty {
                    // "Xã" for what is a phường happens; numbered names must match exactly.
                    if isNumeric { continue }
                    mismatch = true
                } else {
                    names = compatible
                }
            }
            return (start + length, names, mismatch, node)
        }
        return nil
    }

    private func isProvince(_ name: Gazetteer.Name) -> Bool {
        switch name.reference {
        case .province, .legacyProvince: true
        default: false
        }
    }

    /// "HN", "SG", "TB" count without a marker only when written in capitals, and only for
    /// provinces and old districts ("F12 TB, SG"); an old district's abbreviation then only
    /// supports a commune reading, since "TB" is as often "thông báo".
    private func isUpperCaseAbbreviation(_ token: Token, _ name: Gazetteer.Name) -> Bool {
        switch name.reference {
        case .province, .legacyDistrict: return token.original.count >= 2 && token.original.allSatisfy { $0.isUppercase }
        default: return false
        }
    }

    // MARK: - Resolving

    struct Hypothesis {
        var commune: Int
        var score: Double
        var viaLegacy: Int?
        var mention: Int
    }

    private func resolve(_ mentions: [Mention], defaultProvince: String?, defaultCommune: String?) -> LocalityResult {
        let g = gazetteer
        // Evidence each mention gives about the province and the old district.
        var provinceEvidence: [(province: Int, mention: Int, legacy: Int?)] = []
        var districtEvidence: [(district: Int, mention: Int)] = []
        var supportOnly = Set<Int>()  // mentions that may support a commune but not name a place alone
        for mention in mentions {
            let words = mention.end - mention.start
            // One unmarked word ("Thọ", "Hòa") is too common to say anything about the place.
            let weak = mention.marker == nil && mention.isSingleWord
            for name in mention.names where !weak || name.isShortAlias || (mention.isCapitalised && isProvince(name)) {
                switch name.reference {
                case let .province(p):
                    provinceEvidence.append((p, mention.id, nil))
                case let .legacyProvince(lp):
                    if let p = g.legacyProvinces[lp].newProvince { provinceEvidence.append((p, mention.id, lp)) }
                case let .legacyDistrict(d):
                    // An unmarked one-word name is too weak to say "this district".
                    if mention.marker != nil || words >= 2 || name.isShortAlias { districtEvidence.append((d, mention.id)) }
                    if mention.marker == nil && name.isShortAlias { supportOnly.insert(mention.id) }
                default:
                    break
                }
            }
        }
        let defaultProvinceIndex = defaultProvince.flatMap { code in g.provinces.firstIndex { $0.code == code } }
        let defaultCommuneIndex = defaultCommune.flatMap { code in g.communes.firstIndex { $0.code == code } }

        var hypotheses: [Hypothesis] = []
        for mention in mentions {
            let base: Double = mention.marker == nil ? 1 : (mention.markerMismatch ? 1.5 : 3)
            // A text names a handful of places: arrays searched in order beat building sets per mention.
            let otherProvinces = provinceEvidence.filter { $0.mention != mention.id }.map(\.province)
            let otherDistricts = districtEvidence.filter { $0.mention != mention.id }.map(\.district)
            func score(commune c: Int, legacy: Int?) -> (Double, Bool) {
                var total = base
                var supported = false
                let province = g.communes[c].province
                if !otherProvinces.isEmpty {
                    if otherProvinces.contains(province) { total += 4; supported = true } else { total -= 4 }
                }
                if let legacy {
                    let district = g.legacyCommunes[legacy].district
                    if !otherDistricts.isEmpty {
                        if otherDistricts.contains(district) { total += 4; supported = true } else { total -= 3 }
                    }
                } else {
                    total += 1
                    if !otherDistricts.isEmpty {
                        let districtsOfCommune = g.legacyDistrictsOfCommune[c]
                        if otherDistricts.contains(where: districtsOfCommune.contains) { total += 1.5; supported = true } else { total -= 2 }
                    }
                }
                if c == defaultCommuneIndex { total += 2; supported = true }
                if province == defaultProvinceIndex { total += 1; supported = true }
                total += 0.1 * Double(mention.end - mention.start)
                return (total, supported)
            }
            // A marked name of two words or more stands alone; "phường hội" or "huyện ba" needs support.
            // A marker that does not fit the unit ("cơ quan bình an": "quận" before a xã) is doubtful too.
            let standsAlone = mention.marker != nil && !mention.markerMismatch && !mention.isSingleWord
                && !mention.isLowercaseInCapitalisedText
            for name in mention.names {
                switch name.reference {
                case let .commune(c):
                    let (value, supported) = score(commune: c, legacy: nil)
                    if standsAlone || supported { hypotheses.append(Hypothesis(commune: c, score: value, viaLegacy: nil, mention: mention.id)) }
                case let .legacyCommune(lc):
                    for successor in g.legacyCommunes[lc].successors {
                        let (value, supported) = score(commune: successor, legacy: lc)
                        if standsAlone || supported {
                            hypotheses.append(Hypothesis(commune: successor, score: value, viaLegacy: lc, mention: mention.id))
                        }
                    }
                default:
                    break
                }
            }
        }
        hypotheses.sort { $0.score > $1.score }
        // Best score per commune, best first.
        var seen = Set<Int>()
        let ranked = hypotheses.filter { seen.insert($0.commune).inserted }

        var result = LocalityResult.nothing
        if let best = ranked.first, best.score > 0 {
            let commune = g.communes[best.commune]
            let province = g.provinces[commune.province]
            result.commune = .init(code: commune.code, name: commune.name)
            result.province = .init(code: province.code, name: province.name)
            let runnerUp = ranked.dropFirst().first?.score ?? (best.score - 5)
            result.confidence = min(0.99, max(0.3, 0.5 + 0.1 * (best.score - runnerUp) + 0.03 * best.score))
            result.candidates = ranked.prefix(5).filter { $0.score >= best.score - 2 && $0.score > 0 }.map { h in
                let c = g.communes[h.commune]
                let p = g.provinces[c.province]
                return .init(province: .init(code: p.code, name: p.name), commune: .init(code: c.code, name: c.name),
                             score: (h.score * 100).rounded() / 100)
            }
            if let legacy = best.viaLegacy {
                let lc = g.legacyCommunes[legacy]
                let district = g.legacyDistricts[lc.district]
                let lp = g.legacyProvinces[district.province]
                result.legacy = .init(province: .init(code: lp.code, name: lp.name), district: .init(code: district.code, name: district.name),
                                      commune: .init(code: lc.code, name: lc.name))
            } else if let district = districtEvidence.first.map({ g.legacyDistricts[$0.district] }) {
                let lp = g.legacyProvinces[district.province]
                result.legacy = .init(province: .init(code: lp.code, name: lp.name), district: .init(code: district.code, name: district.name),
                                      commune: nil)
            }
        } else if let (commune, district) = soleSuccessor(mentions, districtEvidence.filter { !supportOnly.contains($0.mention) }) {
            // An old district that became one commune ("Huyện Cô Tô" → Đặc khu Cô Tô).
            let c = g.communes[commune]
            let p = g.provinces[c.province]
            let d = g.legacyDistricts[district]
            let lp = g.legacyProvinces[d.province]
            result.commune = .init(code: c.code, name: c.name)
            result.province = .init(code: p.code, name: p.name)
            result.confidence = 0.8
            result.legacy = .init(province: .init(code: lp.code, name: lp.name), district: .init(code: d.code, name: d.name), commune: nil)
        } else {
            // No commune: a province if the text names one (directly, through an old province or an old district).
            var votes: [Int: Int] = [:]
            for evidence in provinceEvidence { votes[evidence.province, default: 0] += 2 }
            for evidence in districtEvidence where !supportOnly.contains(evidence.mention) {
                if let p = g.legacyDistricts[evidence.district].newProvince { votes[p, default: 0] += 1 }
            }
            // The most votes wins; a tie goes to the office's own province if it is one of them,
            // and otherwise leaves the province unknown ("Phước Long" was a district in two old
            // provinces): a guess would send the letter to the wrong province's Front.
            let most = votes.values.max() ?? 0
            let tied = votes.filter { $0.value == most }.map(\.key)
            let winner = tied.count == 1 ? tied.first : tied.first { $0 == defaultProvinceIndex }
            if let winner {
                let top = (key: winner, value: most)
                let province = g.provinces[top.key]
                result.province = .init(code: province.code, name: province.name)
                result.confidence = 0.5
                if let lp = provinceEvidence.first(where: { $0.province == top.key && $0.legacy != nil })?.legacy {
                    result.legacy = .init(province: .init(code: g.legacyProvinces[lp].code, name: g.legacyProvinces[lp].name),
                                          district: nil, commune: nil)
                }
            }
        }
        return result
    }

    /// A named old district whose old communes all went to one new commune, or an island district
    /// without communes that gave its name to a new special zone ("huyện đảo Lý Sơn").
    private func soleSuccessor(_ mentions: [Mention], _ districts: [(district: Int, mention: Int)]) -> (Int, Int)? {
        let g = gazetteer
        for evidence in districts {
            let district = g.legacyDistricts[evidence.district]
            let successors = g.successorsOfLegacyDistrict[evidence.district]
            if successors.count == 1 { return (successors[0], evidence.district) }
            if successors.isEmpty, let mention = mentions.first(where: { $0.id == evidence.mention }) {
                let sameName = (g.names(at: mention.node) ?? []).compactMap { name -> Int? in
                    guard case let .commune(c) = name.reference, g.communes[c].province == district.newProvince else { return nil }
                    return c
                }
                if sameName.count == 1 {
                    return (sameName[0], evidence.district)
                }
            }
        }
        return nil
    }
}
