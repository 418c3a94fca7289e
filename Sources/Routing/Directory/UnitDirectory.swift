/// All units, with the look-ups routing needs: by id, up the parent chain, and the local unit of
/// a given type for a place.
public struct UnitDirectory: Sendable {
    public let units: [String: Unit]
    /// Units in file order, for listings and checks.
    public let ordered: [Unit]
    /// Folded residential names per unit, computed once.
    private let foldedAreas: [String: [String]]

    public init(_ units: [Unit]) {
        ordered = units
        self.units = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        foldedAreas = Dictionary(units.map { ($0.id, $0.residentialAreas.map(RoutingText.residentialKey)) },
                                 uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> Unit? { units[id] }

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
    public func localUnit(of type: UnitType, province: String?, commune: String?, residential: String?) -> Unit? {
        var best: (unit: Unit, score: Int)?
        let area = residential.map(RoutingText.residentialKey)
        for unit in ordered where unit.type == type {
            var score = 0
            if !unit.provinces.isEmpty {
                guard let province, unit.provinces.contains(province) else { continue }
                score += 1
            }
            if !unit.communes.isEmpty {
                guard let commune, unit.communes.contains(commune) else { continue }
                score += 10
            }
            if let folded = foldedAreas[unit.id], !folded.isEmpty {
                guard let area, folded.contains(area) else { continue }
                score += 100
            }
            if best == nil || score > best!.score { best = (unit, score) }
        }
        return best?.unit
    }
}
