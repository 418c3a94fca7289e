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
        /// The name without its level, as officially written ("Bảy Hiền"), for spelling checks.
        public let spelling: String
    }

    public let provinces: [Province]
    public let communes: [Commune]
    public let legacyProvinces: [LegacyProvince]
    public let legacyDistricts: [LegacyDistrict]
    public let legacyCommunes: [LegacyCommune]
    /// Folded core name ("bay hien", "12", "tan binh") → the units so named.
    public let names: [String: [Name]]
    /// The longest name in words, so the matcher knows how far to look.
    public let longestName: Int
    /// For each new commune, the old districts its old communes were in.
    public let legacyDistrictsOfCommune: [Set<Int>]

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
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let first = rawLine.first, first != UInt8(ascii: "#") else { continue }
            let fields = rawLine.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
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
                communes.append(Commune(code: fields[1], name: fields[2], level: AdministrativeLevel.split(fields[2]).0 ?? .commune,
                                        province: province))
            case "LP":
                try need(3)
                legacyProvinces.append((fields[1], fields[2]))
            case "LD":
                try need(4)
                legacyDistricts.append((fields[1], fields[2], fields[3]))
            case "LC":
                try need(6)
                legacyCommuneRows.append((fields[1], fields[2], fields[3], fields[4].split(separator: " ").map(String.init), fields[5] == "1"))
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
        for row in legacyCommuneRows {
            guard let district = legacyDistrictIndex[row.district] else {
                throw LoadError(line: 0, message: "legacy commune \(row.code): unknown district \(row.district)")
            }
            let successors = row.successors.compactMap { communeIndex[$0] }
            for successor in successors {
                districtTargets[district][communes[successor].province, default: 0] += 1
                districtsOfCommune[successor].insert(district)
            }
            legacy.append(LegacyCommune(code: row.code, name: row.name, level: AdministrativeLevel.split(row.name).0 ?? .commune,
                                        district: district, successors: successors, isSplit: row.split))
        }
        let districts = legacyDistricts.enumerated().map { index, row in
            LegacyDistrict(code: row.code, name: row.name, level: AdministrativeLevel.split(row.name).0 ?? .district,
                           province: legacyProvinceIndex[row.province] ?? 0,
                           newProvince: districtTargets[index].max { $0.value < $1.value }?.key)
        }
        var provinceTargets = Array(repeating: [Int: Int](), count: legacyProvinces.count)
        for district in districts {
            if let target = district.newProvince { provinceTargets[district.province][target, default: 0] += 1 }
        }
        self.provinces = provinces
        self.communes = communes
        self.legacyProvinces = legacyProvinces.enumerated().map { index, row in
            LegacyProvince(code: row.code, name: row.name, newProvince: provinceTargets[index].max { $0.value < $1.value }?.key)
        }
        self.legacyDistricts = districts
        self.legacyCommunes = legacy
        legacyDistrictsOfCommune = districtsOfCommune

        // The index: each unit under its folded name without the level prefix.
        var names: [String: [Name]] = [:]
        func add(_ fullName: String, _ reference: Reference, defaultLevel: AdministrativeLevel?) {
            let (level, core) = AdministrativeLevel.split(fullName)
            let key = VietText.fold(core)
            guard !key.isEmpty else { return }
            names[key, default: []].append(Name(reference: reference, level: level ?? defaultLevel, isShortAlias: false, spelling: core))
        }
        for (i, p) in provinces.enumerated() { add(p.name, .province(i), defaultLevel: .province) }
        for (i, c) in communes.enumerated() { add(c.name, .commune(i), defaultLevel: nil) }
        for (i, p) in legacyProvinces.enumerated() { add(p.name, .legacyProvince(i), defaultLevel: .province) }
        for (i, d) in districts.enumerated() { add(d.name, .legacyDistrict(i), defaultLevel: nil) }
        for (i, c) in legacy.enumerated() { add(c.name, .legacyCommune(i), defaultLevel: nil) }
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
            let key = VietText.fold(core)
            let isShort = !key.contains(" ") && key.count <= 3
            names[key, default: []].append(Name(reference: reference, level: level, isShortAlias: isShort, spelling: core))
        }
        self.names = names
        longestName = names.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }
}
