import VietText

/// Finds the province, commune (units in force since 2025-07-01) and residential area a text
/// names, also when it uses the old three-tier names, abbreviations or no diacritics.
///
/// How: the text is split into words; level markers ("phường", "P.", "huyện", "TP.") and names
/// from the gazetteer are found, skipping street and person names ("đường Nguyễn Trãi", "ông
/// Hoa"). Every name that can be a commune, new or old (through the official old→new mapping),
/// becomes a hypothesis, scored by its marker and by what *other* names in the text say about the
/// province and the old district. A commune written without a marker counts only when something
/// else in the text (or the registering office's area) supports it, or when it is alone in an
/// address and only one commune has that name.
///
/// A district or province named in the same address must agree with the answer; equal readings
/// are a tie, said as candidates without a commune; the confidence is capped by how the commune
/// was read (with its marker, without, misspelt, as part of a school's name, as a name that is
/// also an old district or a province).
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
        /// Found only by forgiving one syllable's marks ("phường Bẩy Hiền"): a weaker reading.
        var isMisspelt = false
        /// Part of a school's, hospital's or firm's name ("Trường Tiểu học Kim Liên"): where the
        /// body is, probably, but not a commune mention.
        var isBodyName = false
        /// The whole text, or a whole comma-separated part of a short one ("12 Nguyễn Văn Bảo,
        /// Hạnh Thông"): an address column that names its commune without the marker.
        var isAddressPart = false
        /// Names written one after another with only punctuation between ("Phường 7, Quận 3,
        /// TP.HCM") share this number: one address, whose parts must agree.
        var address = 0
    }

    /// Words that head the name of a body (school, hospital, firm) up to four words before a place
    /// name it carries; "ở", "tại" stop the look-back ("học ở Kim Liên" is a place).
    /// Arrays: short strings compare in place, where a Set would hash each word.
    static let bodyWords: [String] = ["truong", "thcs", "thpt", "ptth", "ptcs", "hoc", "non", "vien", "tram", "ty", "htx"]
    static let bodyLookBackStops: [String] = ["o", "tai"]
    /// A text of at most this many words whose comma-separated part is a bare name reads as an address.
    static let addressWordLimit = 16

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
                let address = mentions.last.map { $0.end == index ? $0.address : $0.address + 1 } ?? 0
                mentions.append(Mention(id: mentions.count, start: index, end: mention.end, marker: marker,
                                        names: mention.names, markerMismatch: mention.markerMismatch, node: mention.node,
                                        wordCount: mention.end - nameStart,
                                        isLowercaseInCapitalisedText: capitalises && !tokens[nameStart].isNumber
                                            && !tokens[nameStart].isCapitalized,
                                        isCapitalised: tokens[nameStart..<mention.end].allSatisfy(\.isCapitalized),
                                        isMisspelt: mention.misspelt,
                                        isBodyName: marker == nil && isBodyName(tokens, before: nameStart),
                                        isAddressPart: marker == nil && tokens.count <= LocalityExtractor.addressWordLimit
                                            && (nameStart == 0 || tokens[nameStart].afterPunctuation)
                                            && (mention.end == tokens.count || tokens[mention.end].afterPunctuation),
                                        address: address))
                index = mention.end
            } else {
                index += 1
            }
        }
        return mentions
    }

    /// "Trường Tiểu học Kim Liên", "Bệnh viện đa khoa Kim Liên": a body word up to four words
    /// back, with no punctuation, marker or "ở" between.
    private func isBodyName(_ tokens: [Token], before index: Int) -> Bool {
        var position = index
        let bodyWords = LocalityExtractor.bodyWords, stops = LocalityExtractor.bodyLookBackStops
        while position > 0 && index - position < 4 && !tokens[position].afterPunctuation {
            position -= 1
            let word = tokens[position].folded
            if stops.contains(word) || LevelMarker.marker(in: tokens, at: position) != nil { return false }
            if bodyWords.contains(word) { return true }
        }
        return false
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
        -> (end: Int, names: [Gazetteer.Name], markerMismatch: Bool, node: Int32, misspelt: Bool)? {
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
            // Diacritics typed must agree with the name's: "Cháu Phú" is not "Châu Phú". After a
            // marker, a name of two words or more may have one syllable's marks wrong ("phường Bẩy Hiền").
            var misspelt = false
            if tokens[start..<start + length].contains(where: \.hasDiacritics) {
                let typed = tokens[start..<start + length]
                let agreeing = names.filter { Spelling.agrees(typed, with: $0.spelling) }
                if let marker, agreeing.isEmpty && length >= 2 {
                    // Only communes of the marked level: "thành phố cho dọn" is not "Huyện Chợ Đồn".
                    names = names.filter { name in
                        switch name.reference {
                        case .commune, .legacyCommune:
                            LevelMarker.compatible(marker, name.level) && Spelling.disagreements(typed, with: name.spelling) <= 1
                        default: false
                        }
                    }
                    misspelt = true
                } else {
                    names = agreeing
                }
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
            return (start + length, names, mismatch, node, misspelt)
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
        /// The most confidence this kind of reading may carry: a marked name agreeing with the rest
        /// of the text can be sure; a name without marker, misspelt or part of a body's name cannot.
        var ceiling: Double
        /// Read from an unmarked name that is as much an old district of several communes, or a
        /// province, in the same province ("Gia Lâm, Hà Nội"): the commune is only one reading.
        var namesLargerUnit: Bool
    }

    /// Confidence of answers that give no commune, by why.
    static let tieConfidence = 0.35, largerUnitConfidence = 0.4, contradictedConfidence = 0.3
    /// Ceilings of the readings weaker than a marked, agreeing name.
    static let unmarkedCeiling = 0.85, mismatchCeiling = 0.8, nameTieCeiling = 0.75, misspeltCeiling = 0.7,
               bareNameCeiling = 0.6, conflictCeiling = 0.6, bodyNameCeiling = 0.5
    /// The score given to a named old district's successors listed as candidates.
    static let districtCandidateScore = 1.0

    private func resolve(_ mentions: [Mention], defaultProvince: String?, defaultCommune: String?) -> LocalityResult {
        let g = gazetteer
        // Evidence each mention gives about the province and the old district.
        var provinceEvidence: [(province: Int, mention: Int, legacy: Int?)] = []
        var districtEvidence: [(district: Int, mention: Int, certain: Bool)] = []
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
                    if mention.marker != nil || words >= 2 || name.isShortAlias { districtEvidence.append((d, mention.id, false)) }
                    if mention.marker == nil && name.isShortAlias { supportOnly.insert(mention.id) }
                default:
                    break
                }
            }
        }
        let defaultProvinceIndex = defaultProvince.flatMap { code in g.provinces.firstIndex { $0.code == code } }
        let defaultCommuneIndex = defaultCommune.flatMap { code in g.communes.firstIndex { $0.code == code } }

        var hypotheses: [Hypothesis] = []
        // A reading the district or province named in the same address contradicts is no answer
        // ("Phường 7, Quận 3": Quận 3 has had no Phường 7 since 2020); when that leaves nothing, the
        // answer says so. A place named elsewhere ("..., quê Nghệ An") only makes the reading less sure.
        var contradicted = false
        // Only a district named with a fitting marker ("quận 3", "huyện Thanh Trì") can contradict a
        // reading: an unmarked name may be a hamlet's ("khu phố Thống Nhất"), and one that is a
        // province too ("tỉnh Thanh Hóa" is also Thành phố Thanh Hóa) says nothing certain.
        for index in districtEvidence.indices {
            let m = mentions[districtEvidence[index].mention]
            districtEvidence[index].certain = m.marker != nil && !m.markerMismatch && !m.isLowercaseInCapitalisedText
                && !provinceEvidence.contains { $0.mention == m.id }
        }
        for mention in mentions {
            let base: Double = mention.marker == nil ? 1 : (mention.markerMismatch ? 1.5 : (mention.isMisspelt ? 2.5 : 3))
            /// The score, whether something else in the text supports the reading, whether the
            /// address it is in allows it, and whether a place named elsewhere disagrees. A text
            /// names a handful of places: the evidence is searched in place, nothing is allocated.
            func score(commune c: Int, legacy: Int?) -> (value: Double, supported: Bool, agrees: Bool, conflicts: Bool) {
                var total = base
                var supported = false
                let province = g.communes[c].province
                // Named provinces: any, any that agrees; in the same address: any, any that agrees.
                var named = false, namedAgrees = false, near = false, nearAgrees = false
                for evidence in provinceEvidence where evidence.mention != mention.id {
                    let same = evidence.province == province
                    named = true
                    namedAgrees = namedAgrees || same
                    if mentions[evidence.mention].address == mention.address {
                        near = true
                        nearAgrees = nearAgrees || same
                    }
                }
                if named {
                    if namedAgrees { total += 4; supported = true } else { total -= 4 }
                }
                var conflicts = named && !namedAgrees
                var agrees = !near || nearAgrees
                // The same for the old districts, and for the certain ones among them.
                var district = false, districtAgrees = false, certain = false, certainAgrees = false
                near = false
                nearAgrees = false
                for evidence in districtEvidence where evidence.mention != mention.id {
                    let same = legacy.map { g.legacyCommunes[$0].district == evidence.district }
                        ?? g.legacyDistrictsOfCommune[c].contains(evidence.district)
                    district = true
                    districtAgrees = districtAgrees || same
                    guard evidence.certain else { continue }
                    certain = true
                    certainAgrees = certainAgrees || same
                    if mentions[evidence.mention].address == mention.address {
                        near = true
                        nearAgrees = nearAgrees || same
                    }
                }
                if legacy != nil {
                    if district {
                        if districtAgrees { total += 4; supported = true } else { total -= 3 }
                    }
                } else {
                    total += 1
                    if district {
                        if districtAgrees { total += 1.5; supported = true } else { total -= 2 }
                    }
                }
                conflicts = conflicts || (certain && !certainAgrees)
                agrees = agrees && (!near || nearAgrees)
                if c == defaultCommuneIndex { total += 2; supported = true }
                if province == defaultProvinceIndex { total += 1; supported = true }
                total += 0.1 * Double(mention.end - mention.start)
                return (total, supported, agrees, conflicts)
            }
            // A marked name of two words or more stands alone; "phường hội" or "huyện ba" needs support.
            // A marker that does not fit the unit ("cơ quan bình an": "quận" before a xã) is doubtful too.
            // So does a bare name of two words that only one commune has, alone in an address ("Hạnh Thông").
            let isBareUniqueName = mention.isAddressPart && mention.wordCount >= 2 && !mention.isBodyName
                && soleCommune(named: mention) != nil
            let standsAlone = (mention.marker != nil && !mention.markerMismatch && !mention.isSingleWord
                && !mention.isLowercaseInCapitalisedText) || isBareUniqueName
            let ceiling = mention.isBodyName ? LocalityExtractor.bodyNameCeiling
                : mention.isMisspelt ? LocalityExtractor.misspeltCeiling
                : mention.markerMismatch ? LocalityExtractor.mismatchCeiling
                : mention.marker == nil ? LocalityExtractor.unmarkedCeiling : 0.99
            func add(_ c: Int, legacy: Int?) {
                let (value, supported, agrees, conflicts) = score(commune: c, legacy: legacy)
                // A marked name ("Phường 6") the named district does not have contradicts it even
                // when it could not stand alone.
                guard agrees else {
                    if standsAlone || supported || mention.marker != nil { contradicted = true }
                    return
                }
                guard standsAlone || supported else { return }
                var readingCeiling = ceiling
                if mention.marker == nil && !supported { readingCeiling = min(readingCeiling, LocalityExtractor.bareNameCeiling) }
                if conflicts { readingCeiling = min(readingCeiling, LocalityExtractor.conflictCeiling) }
                hypotheses.append(Hypothesis(commune: c, score: value, viaLegacy: legacy, mention: mention.id, ceiling: readingCeiling,
                                             namesLargerUnit: mention.marker == nil && namesLargerUnit(mention, commune: c)))
            }
            for name in mention.names {
                switch name.reference {
                case let .commune(c):
                    add(c, legacy: nil)
                case let .legacyCommune(lc):
                    for successor in g.legacyCommunes[lc].successors { add(successor, legacy: lc) }
                default:
                    break
                }
            }
        }
        hypotheses.sort { $0.score > $1.score }
        // Best score per commune, best first.
        var seen = Set<Int>()
        let ranked = hypotheses.filter { seen.insert($0.commune).inserted }
        // Successors of the old districts named, in the named province if one is: the alternatives
        // when the text's commune is unknown, contradicted or only inferred.
        func namedDistricts() -> [Int] {
            districtEvidence.filter { evidence in
                !supportOnly.contains(evidence.mention) && (provinceEvidence.isEmpty
                    || provinceEvidence.contains { g.legacyDistricts[evidence.district].newProvince == $0.province })
            }.map(\.district)
        }

        var result = LocalityResult.nothing
        if let best = ranked.first, best.score > 0 {
            // Equal scores are a tie: the successor of a split old commune that kept the name
            // written breaks it ("xã Bát Tràng" → Xã Bát Tràng, not Phường Long Biên); nothing else does.
            let tied = ranked.prefix { $0.score >= best.score - 1e-9 }
            var winner = best
            var ceiling = best.ceiling
            if tied.count > 1 {
                let named = tied.filter { h in
                    g.names(at: mentions[h.mention].node)?.contains { $0.reference == .commune(h.commune) } ?? false
                }
                guard named.count == 1 else { return answerTie(Array(tied), mentions: mentions, districtEvidence: districtEvidence) }
                winner = named[0]
                ceiling = min(ceiling, LocalityExtractor.nameTieCeiling)
            }
            if winner.namesLargerUnit {
                return answerLargerUnit(winner, mentions: mentions)
            }
            let commune = g.communes[winner.commune]
            let province = g.provinces[commune.province]
            result.commune = .init(code: commune.code, name: commune.name)
            result.province = .init(code: province.code, name: province.name)
            let runnerUp = ranked.first { $0.commune != winner.commune }?.score ?? (winner.score - 5)
            result.confidence = min(ceiling, max(0.3, 0.5 + 0.1 * (winner.score - runnerUp) + 0.03 * winner.score))
            let candidates = [winner] + ranked.prefix(5).filter {
                $0.commune != winner.commune && $0.score >= winner.score - 2 && $0.score > 0
            }
            result.candidates = candidates.map(candidate)
            // A body named after a place only suggests its commune: the named district's others stay candidates.
            if mentions[winner.mention].isBodyName {
                result.candidates += districtCandidates(namedDistricts(), except: Set(result.candidates.map(\.commune.code)))
            }
            if let legacy = winner.viaLegacy {
                let lc = g.legacyCommunes[legacy]
                let district = g.legacyDistricts[lc.district]
                let lp = g.legacyProvinces[district.province]
                result.legacy = .init(province: .init(code: lp.code, name: lp.name), district: .init(code: district.code, name: district.name),
                                      commune: .init(code: lc.code, name: lc.name))
            } else if let district = districtEvidence.first.map({ g.legacyDistricts[$0.district] }) {
                result.legacy = legacyDistrict(district)
            }
        } else if let (commune, district) = soleSuccessor(mentions, districtEvidence.filter { !supportOnly.contains($0.mention) }) {
            // An old district that became one commune ("Huyện Cô Tô" → Đặc khu Cô Tô).
            let c = g.communes[commune]
            let p = g.provinces[c.province]
            result.commune = .init(code: c.code, name: c.name)
            result.province = .init(code: p.code, name: p.name)
            result.confidence = 0.8
            result.legacy = legacyDistrict(g.legacyDistricts[district])
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
            if contradicted {
                // The commune written is not in the district or province written: the named old
                // district's successors are the candidates, none of them the answer.
                result.confidence = min(result.confidence, LocalityExtractor.contradictedConfidence)
                let inProvince = namedDistricts().filter { winner == nil || g.legacyDistricts[$0].newProvince == winner }
                result.candidates = districtCandidates(inProvince, except: [])
                if let district = inProvince.first { result.legacy = legacyDistrict(g.legacyDistricts[district]) }
            }
        }
        return result
    }

    private func candidate(_ h: Hypothesis) -> LocalityResult.Candidate {
        let c = gazetteer.communes[h.commune]
        let p = gazetteer.provinces[c.province]
        return .init(province: .init(code: p.code, name: p.name), commune: .init(code: c.code, name: c.name),
                     score: (h.score * 100).rounded() / 100)
    }

    private func legacyDistrict(_ district: Gazetteer.LegacyDistrict) -> LocalityResult.Legacy {
        let lp = gazetteer.legacyProvinces[district.province]
        return .init(province: .init(code: lp.code, name: lp.name), district: .init(code: district.code, name: district.name),
                     commune: nil)
    }

    /// The new communes the old districts went to, as candidates (at most ten, in registry order).
    private func districtCandidates(_ districts: [Int], except: Set<String>) -> [LocalityResult.Candidate] {
        var seen = except
        var candidates: [LocalityResult.Candidate] = []
        for district in districts {
            for successor in gazetteer.successorsOfLegacyDistrict[district] where candidates.count < 10 {
                let c = gazetteer.communes[successor]
                guard seen.insert(c.code).inserted else { continue }
                let p = gazetteer.provinces[c.province]
                candidates.append(.init(province: .init(code: p.code, name: p.name), commune: .init(code: c.code, name: c.name),
                                        score: LocalityExtractor.districtCandidateScore))
            }
        }
        return candidates
    }

    /// Readings no name tells apart (an old commune split between new ones, "Phường 12" in a city
    /// that had many): no commune, the tied ones as candidates, their province if they share one.
    private func answerTie(_ tied: [Hypothesis], mentions: [Mention], districtEvidence: [(district: Int, mention: Int, certain: Bool)]) -> LocalityResult {
        let g = gazetteer
        var result = LocalityResult.nothing
        result.candidates = tied.prefix(10).map(candidate)
        result.confidence = LocalityExtractor.tieConfidence
        let provinces = Set(tied.map { g.communes[$0.commune].province })
        if provinces.count == 1, let p = provinces.first {
            result.province = .init(code: g.provinces[p].code, name: g.provinces[p].name)
        }
        let legacies = Set(tied.map(\.viaLegacy))
        if legacies.count == 1, let legacy = tied[0].viaLegacy {
            let lc = g.legacyCommunes[legacy]
            result.legacy = legacyDistrict(g.legacyDistricts[lc.district])
            result.legacy?.commune = .init(code: lc.code, name: lc.name)
        } else if let evidence = districtEvidence.first {
            result.legacy = legacyDistrict(g.legacyDistricts[evidence.district])
        }
        return result
    }

    /// An unmarked name that is also an old district of several communes or a province ("Gia Lâm,
    /// Hà Nội", "Thái Bình, Hưng Yên"): the province, and the commune of that name first among the
    /// larger unit's communes as candidates.
    private func answerLargerUnit(_ reading: Hypothesis, mentions: [Mention]) -> LocalityResult {
        let g = gazetteer
        var result = LocalityResult.nothing
        let province = g.communes[reading.commune].province
        result.province = .init(code: g.provinces[province].code, name: g.provinces[province].name)
        result.confidence = LocalityExtractor.largerUnitConfidence
        result.candidates = [candidate(reading)]
        var districts: [Int] = []
        for name in mentions[reading.mention].names {
            if case let .legacyDistrict(d) = name.reference, g.legacyDistricts[d].newProvince == province { districts.append(d) }
        }
        result.candidates += districtCandidates(districts, except: [g.communes[reading.commune].code])
        if let district = districts.first { result.legacy = legacyDistrict(g.legacyDistricts[district]) }
        return result
    }

    /// Whether an unmarked name is, in the commune's own province, also an old district that became
    /// several communes or a province: then reading it as the commune is one reading among several.
    private func namesLargerUnit(_ mention: Mention, commune: Int) -> Bool {
        let g = gazetteer
        let province = g.communes[commune].province
        return mention.names.contains { name in
            switch name.reference {
            case let .province(p): p == province
            case let .legacyProvince(lp): g.legacyProvinces[lp].newProvince == province
            case let .legacyDistrict(d): g.legacyDistricts[d].newProvince == province && g.successorsOfLegacyDistrict[d].count > 1
            default: false
            }
        }
    }

    /// The one new commune a name can mean, directly or through old communes, when it is that
    /// commune's own name and names no province or old district; nil otherwise ("Tiến Bộ", only an
    /// old commune's name, is nil).
    private func soleCommune(named mention: Mention) -> Int? {
        guard mention.names.contains(where: { if case .commune = $0.reference { true } else { false } }) else { return nil }
        var sole: Int?
        for name in mention.names {
            switch name.reference {
            case let .commune(c):
                if sole != nil && sole != c { return nil }
                sole = c
            case let .legacyCommune(lc):
                for c in gazetteer.legacyCommunes[lc].successors {
                    if sole != nil && sole != c { return nil }
                    sole = c
                }
            default:
                return nil
            }
        }
        return sole
    }

    /// A named old district whose old communes all went to one new commune, or an island district
    /// without communes that gave its name to a new special zone ("huyện đảo Lý Sơn").
    private func soleSuccessor(_ mentions: [Mention], _ districts: [(district: Int, mention: Int, certain: Bool)]) -> (Int, Int)? {
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
