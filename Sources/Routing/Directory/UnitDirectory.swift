/// All units, with the look-ups routing needs: by id, up the parent chain, and the local unit of
/// a given type for a place.
public struct UnitDirectory: Sendable {
    public let units: [String: Unit]
    /// Units in file order, for listings and checks.
    public let ordered: [Unit]
    /// Residential keys per unit, computed once.
    private let areaKeys: [String: Set<String>]
    /// Folded name, aliases and members per unit, for spotting a unit named in a letter.
    let foldedNames: [String: [[UInt8]]]
    /// Units by type and commune, and by type for those not limited to communes: a lookup reads
    /// a handful of candidates instead of the whole directory.
    private let byTypeAndCommune: [UnitType: [String: [Unit]]]
    private let byTypeAnyCommune: [UnitType: [Unit]]

    public init(_ units: [Unit]) {
        ordered = units
        self.units = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        areaKeys = Dictionary(units.map { ($0.id, Set($0.residentialAreas.map(RoutingText.residentialKey))) },
                              uniquingKeysWith: { first, _ in first })
        foldedNames = Dictionary(units.map { unit in
            (unit.id, (unit.aliases + unit.members + [unit.name]).map(RoutingText.foldedBytes).filter { $0.count > 3 })
        }, uniquingKeysWith: { first, _ in first })
        var byCommune: [UnitType: [String: [Unit]]] = [:]
        var anyCommune: [UnitType: [Unit]] = [:]
        for unit in units {
            if unit.communes.isEmpty {
                anyCommune[unit.type, default: []].append(unit)
            } else {
                for commune in unit.communes { byCommune[unit.type, default: [:]][commune, default: []].append(unit) }
            }
        }
        byTypeAndCommune = byCommune
        byTypeAnyCommune = anyCommune
    }

    public subscript(id: String) -> Unit? { units[id] }

    /// The units below `id`: its children, their children … (each once, whatever the cycles).
    public func descendants(of id: String) -> [Unit] {
        var result: [Unit] = []
        var seen: Set<String> = [id]
        var frontier = [id]
        while let current = frontier.popLast() {
            for unit in ordered where unit.parent == current && seen.insert(unit.id).inserted {
                result.append(unit)
                frontier.append(unit.id)
            }
        }
        return result
    }

    /// The parent, grandparent … (stops at a cycle, which `RulesChecker` reports).
    public func ancestors(of id: String) -> [Unit] {
        var result: [Unit] = []
        var seen: Set<String> = [id]
        var current = units[id]?.parent
        while let parentID = current, let parent = units[parentID], seen.insert(parentID).inserted {
            result.append(parent)
            current = parent.parent
        }
        return result
    }

    /// The unit of `type` whose jurisdiction covers the place most specifically: a residential
    /// match beats a commune match, which beats a province match. Nil when none covers it.
    /// `residentialKey` is `RoutingText.residentialKey` of the area as written.
    public func localUnit(of type: UnitType, province: String?, commune: String?, residentialKey area: String?) -> Unit? {
        var best: (unit: Unit, score: Int)?
        func consider(_ unit: Unit) {
            var score = 0
            if !unit.provinces.isEmpty {
                guard let province, unit.provinces.contains(province) else { return }
                score += 1
            }
            if !unit.communes.isEmpty {
                guard let commune, unit.communes.contains(commune) else { return }
                score += 10
            }
            if let keys = areaKeys[unit.id], !keys.isEmpty {
                guard let area, keys.contains(area) else { return }
                score += 100
            }
            if best == nil || score > best!.score { best = (unit, score) }
        }
        if let commune { byTypeAndCommune[type]?[commune]?.forEach(consider) }
        byTypeAnyCommune[type]?.forEach(consider)
        return best?.unit
    }
}
