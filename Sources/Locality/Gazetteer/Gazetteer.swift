public import Foundation
import VietText

/// Vietnam's administrative units, old and new, loaded from the project's derived data file
/// (scripts/build-gazetteer.py), with an index from folded names to units.
public final class Gazetteer: Sendable {
    public struct Province: Sendable { public let code: String; public let name: String }
    public struct Commune: Sendable {
        public let code: String
        public let name: String
        public let level: AdministrativeLevel
        public let province: Int     // index into provinces
    }
    public struct LegacyProvince: Sendable { public let code: String; public let name: String; public let newProvince: Int? }
    public struct LegacyDistrict: Sendable {
        public let code: String
        public let name: String
        public let level: AdministrativeLevel
        public let province: Int     // index into legacyProvinces
        public let newProvince: Int? // where all or most of it went
    }
    public struct LegacyCommune: Sendable {
        public let code: String
        public let name: String
        public let level: AdministrativeLevel
        public let district: Int     // index into legacyDistricts
        public let successors: [Int] // indexes into communes
        public let isSplit: Bool
    }

    /// A unit a folded name can refer to.
    public enum Reference: Sendable, Hashable {
        case province(Int), commune(Int), legacyProvince(Int), legacyDistrict(Int), legacyCommune(Int)
    }

    /// One way of writing a unit's name: the unit, its level (nil for aliases such as "Sài Gòn"),
    /// and whether it is a short abbreviation that only counts with a level marker ("TB", "HN").
    public struct Name: Sendable {
        public let reference: Reference
        public let level: AdministrativeLevel?
        public let isShortAlias: Bool
        /// The name without its level, as officially written ("Bảy Hiền").
        public let spelling: String

        init(reference: Reference, level: AdministrativeLevel?, isShortAlias: Bool, spelling: String) {
            self.reference = reference
            self.level = level
            self.isShortAlias = isShortAlias
            self.spelling = spelling
        }
    }

    public let provinces: [Province]
    public let communes: [Commune]
    public let legacyProvinces: [LegacyProvince]
    public let legacyDistricts: [LegacyDistrict]
    public let legacyCommunes: [LegacyCommune]
    /// The names as a trie over word ids: "bay hien" is root → "bay" → "hien", whose node holds
    /// the units so named. Matching walks it with integers instead of building strings.
    /// Folded word (as the FNV-1a hash of its bytes) → id.
    private let wordIDs: IDTable
    private let children: IDTable
    /// All names in one array, grouped by the node where they end: one allocation, not 17,000.
    private let allNames: [Name]
    /// For each trie node, where its names are in `allNames` (empty: none end there).
    private let nodeNames: [Range<Int>]
    public static let root: Int32 = 0
    /// For each new commune, the old districts its old communes were in.
    public let legacyDistrictsOfCommune: [Set<Int>]
    /// For each old district, the new communes its old communes went to, ascending: looked up
    /// instead of scanning all 10,000 old communes each time a text names only a district.
    public let successorsOfLegacyDistrict: [[Int]]

    /// The file shipped with the module.
    public static let shared: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "tsv"),
              let data = try? Data(contentsOf: url) else {
            fatalError("the gazetteer data file is missing from the Locality module's resources")
        }
        return try! Gazetteer(tsv: data)
    }()

    public struct LoadError: Error, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "gazetteer.tsv:\(line): \(message)" }
    }

    public init(tsv data: Data) throws {
        var provinces: [Province] = [], communes: [Commune] = []
        var legacyProvinces: [(code: String, name: String)] = [], legacyDistricts: [(code: String, name: String, province: String)] = []
        var legacyCommuneRows: [(code: String, name: String, district: String, successors: [String], split: Bool)] = []
        var aliases: [(kind: String, code: String, text: String)] = []
        var provinceIndex: [String: Int] = [:]
        var lineNumber = 0
        let bytes = [UInt8](data)
        var lineStart = 0
        // One array for every line's fields, emptied and refilled: no allocation per line.
        var fields: [String] = []
        fields.reserveCapacity(8)
        // Each name's level prefix and the rest, split once and used twice (the unit, the index).
        var communeCores: [(AdministrativeLevel?, String)] = []
        var legacyCommuneCores: [(AdministrativeLevel?, String)] = []
        communeCores.reserveCapacity(3_400)
        legacyCommuneCores.reserveCapacity(10_200)
        communes.reserveCapacity(3_400)
        legacyCommuneRows.reserveCapacity(10_200)
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") else { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for index in lineStart...lineEnd where index == lineEnd || bytes[index] == 9 {
                fields.append(String(decoding: bytes[fieldStart..<index], as: UTF8.self))
                fieldStart = index + 1
            }
            func need(_ count: Int) throws {
                if fields.count < count { throw LoadError(line: lineNumber, message: "expected \(count) fields, got \(fields.count)") }
            }
            switch fields[0] {
            case "P":
                try need(3)
                provinceIndex[fields[1]] = provinces.count
                provinces.append(Province(code: fields[1], name: fields[2]))
            case "C":
                try need(5)
                guard let province = provinceIndex[fields[4]] else { throw LoadError(line: lineNumber, message: "unknown province \(fields[4])") }
                let split = AdministrativeLevel.split(fields[2])
                communeCores.append(split)
                communes.append(Commune(code: fields[1], name: fields[2], level: split.0 ?? .commune, province: province))
            case "LP":
                try need(3)
                legacyProvinces.append((fields[1], fields[2]))
            case "LD":
                try need(4)
                legacyDistricts.append((fields[1], fields[2], fields[3]))
            case "LC":
                try need(6)
                // Split on the byte, not on Characters: no grapheme breaking for a list of codes.
                let successors = fields[4].utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
                legacyCommuneRows.append((fields[1], fields[2], fields[3], successors, fields[5] == "1"))
            case "A":
                try need(4)
                aliases.append((fields[1], fields[2], fields[3]))
            default:
                throw LoadError(line: lineNumber, message: "unknown record type '\(fields[0])'")
            }
        }
        let communeIndex = Dictionary(communes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let legacyProvinceIndex = Dictionary(legacyProvinces.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let legacyDistrictIndex = Dictionary(legacyDistricts.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })

        var legacy: [LegacyCommune] = []
        var districtTargets = Array(repeating: [Int: Int](), count: legacyDistricts.count)
        var districtsOfCommune = Array(repeating: Set<Int>(), count: communes.count)
        var successorsOfDistrict = Array(repeating: Set<Int>(), count: legacyDistricts.count)
        for row in legacyCommuneRows {
            guard let district = legacyDistrictIndex[row.district] else {
                throw LoadError(line: 0, message: "legacy commune \(row.code): unknown district \(row.district)")
            }
            let successors = row.successors.compactMap { communeIndex[$0] }
            for successor in successors {
                districtTargets[district][communes[successor].province, default: 0] += 1
                districtsOfCommune[successor].insert(district)
                successorsOfDistrict[district].insert(successor)
            }
            let split = AdministrativeLevel.split(row.name)
            legacyCommuneCores.append(split)
            legacy.append(LegacyCommune(code: row.code, name: row.name, level: split.0 ?? .commune,
                                        district: district, successors: successors, isSplit: row.split))
        }
        let districts = legacyDistricts.enumerated().map { index, row in
            LegacyDistrict(code: row.code, name: row.name, level: AdministrativeLevel.split(row.name).0 ?? .district,
                           province: legacyProvinceIndex[row.province] ?? 0,
                           newProvince: Gazetteer.mostCommon(districtTargets[index]))
        }
        var provinceTargets = Array(repeating: [Int: Int](), count: legacyProvinces.count)
        for district in districts {
            if let target = district.newProvince { provinceTargets[district.province][target, default: 0] += 1 }
        }
        self.provinces = provinces
        self.communes = communes
        self.legacyProvinces = legacyProvinces.enumerated().map { index, row in
            LegacyProvince(code: row.code, name: row.name, newProvince: Gazetteer.mostCommon(provinceTargets[index]))
        }
        self.legacyDistricts = districts
        self.legacyCommunes = legacy
        legacyDistrictsOfCommune = districtsOfCommune
        successorsOfLegacyDistrict = successorsOfDistrict.map { $0.sorted() }

        // The index: each unit under its folded name without the level prefix.
        // Sized for the shipped file (about 9,000 words, 30,000 trie edges): no rehashing while loading.
        var wordIDs = IDTable(minimumCapacity: 12_000)
        var children = IDTable(minimumCapacity: 40_000)
        var pending: [(node: Int32, name: Name)] = []
        pending.reserveCapacity(communes.count + legacy.count + districts.count + 200)
        var nodeCount: Int32 = 1
        var buffer: [UInt8] = []
        /// Adds `name` under the folded form of `core`; false when it folds to nothing.
        @discardableResult
        func insert(_ core: String, _ name: Name) -> Bool {
            VietText.fold(core, into: &buffer)
            guard !buffer.isEmpty else { return false }
            var node = Gazetteer.root
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != 32 { end += 1 }
                let word = Gazetteer.wordHash(buffer[start..<end])
                let id: Int32
                if let known = wordIDs[word] { id = known } else {
                    id = Int32(wordIDs.count)
                    wordIDs.set(word, id)
                }
                let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
                if let next = children[edge] { node = next } else {
                    children.set(edge, nodeCount)
                    node = nodeCount
                    nodeCount += 1
                }
                start = end + 1
            }
            pending.append((node, name))
            return true
        }
        func add(_ split: (AdministrativeLevel?, String), _ reference: Reference, defaultLevel: AdministrativeLevel?) {
            let (level, core) = split
            insert(core, Name(reference: reference, level: level ?? defaultLevel, isShortAlias: false, spelling: core))
        }
        for (i, p) in provinces.enumerated() { add(AdministrativeLevel.split(p.name), .province(i), defaultLevel: .province) }
        for (i, split) in communeCores.enumerated() { add(split, .commune(i), defaultLevel: nil) }
        for (i, p) in legacyProvinces.enumerated() { add(AdministrativeLevel.split(p.name), .legacyProvince(i), defaultLevel: .province) }
        for (i, d) in districts.enumerated() { add(AdministrativeLevel.split(d.name), .legacyDistrict(i), defaultLevel: nil) }
        for (i, split) in legacyCommuneCores.enumerated() { add(split, .legacyCommune(i), defaultLevel: nil) }
        for alias in aliases {
            let reference: Reference?
            switch alias.kind {
            case "P": reference = provinceIndex[alias.code].map(Reference.province)
            case "C": reference = communeIndex[alias.code].map(Reference.commune)
            case "LP": reference = legacyProvinceIndex[alias.code].map(Reference.legacyProvince)
            case "LD": reference = legacyDistrictIndex[alias.code].map(Reference.legacyDistrict)
            default: reference = nil
            }
            guard let reference else { continue }
            let (level, core) = AdministrativeLevel.split(alias.text)
            let key = VietText.foldedBytes(core)
            let isShort = !key.contains(32) && key.count <= 3
            insert(core, Name(reference: reference, level: level, isShortAlias: isShort, spelling: core))
        }
        // Grouped by node with a counting sort (stable: each node's names keep the order they
        // were added in); linear, where a comparison sort was a tenth of the load time.
        var starts = [Int](repeating: 0, count: Int(nodeCount) + 1)
        for entry in pending { starts[Int(entry.node) + 1] += 1 }
        for node in 0..<Int(nodeCount) { starts[node + 1] += starts[node] }
        var ranges = (0..<Int(nodeCount)).map { starts[$0]..<starts[$0 + 1] }
        var next = starts
        var grouped = [Name?](repeating: nil, count: pending.count)
        for entry in pending {
            grouped[next[Int(entry.node)]] = entry.name
            next[Int(entry.node)] += 1
        }
        if ranges.isEmpty { ranges = [0..<0] }
        self.wordIDs = wordIDs
        self.children = children
        allNames = grouped.map { $0! }
        nodeNames = ranges
    }

    /// The province most of an old unit went to; a tie goes to the lower index (the file's
    /// order), not to the dictionary's, which changes from one process to the next.
    static func mostCommon(_ counts: [Int: Int]) -> Int? {
        counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// The id of a folded word (its bytes), or nil when no name contains it.
    public func wordID(_ folded: some Collection<UInt8>) -> Int32? { wordIDs[Gazetteer.wordHash(folded)] }

    /// FNV-1a, 64 bits: word ids without building strings.
    static func wordHash(_ bytes: some Collection<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The node reached from `node` by `word`, or nil.
    public func child(of node: Int32, word: Int32) -> Int32? {
        children[UInt64(UInt32(node)) << 32 | UInt64(UInt32(word))]
    }

    /// The units whose name ends at `node`.
    public func names(at node: Int32) -> ArraySlice<Name>? {
        guard node >= 0, Int(node) < nodeNames.count else { return nil }
        let range = nodeNames[Int(node)]
        return range.isEmpty ? nil : allNames[range]
    }
}
