/// Who may not handle a denunciation (Luật Tố cáo 2018): a unit the text names, by its name, an
/// alias or one of its people, and a unit that answers to a committee the text names (the
/// inspection committee of an accused Đảng ủy, a chi bộ under it). Routing and a person
/// assigning by hand ask the same question here.
public struct ConflictOfInterest: Sendable {
    public let directory: UnitDirectory

    public init(directory: UnitDirectory) {
        self.directory = directory
    }

    /// The unit the text names that disqualifies `unit`: the unit itself or its parent; nil when
    /// the unit may handle it. `folded` is `RoutingText.foldedBytes` of the text.
    public func disqualifier(of unit: Unit, folded: [UInt8]) -> Unit? {
        if mentions(unit, folded) { return unit }
        if let parent = unit.parent.flatMap({ directory[$0] }), mentions(parent, folded) { return parent }
        return nil
    }

    /// The same for a unit id and a text as written.
    public func disqualifier(of unitID: String, text: String) -> Unit? {
        directory[unitID].flatMap { disqualifier(of: $0, folded: RoutingText.foldedBytes(text)) }
    }

    /// An external authority given by name or id (a transfer by hand): disqualified when it is a
    /// unit of the directory that the text disqualifies, or when the text names it as written.
    /// Returns what the text names, for the message.
    public func disqualifier(ofAuthority authority: String, text: String) -> String? {
        let folded = RoutingText.foldedBytes(text)
        let written = RoutingText.foldedBytes(authority)
        let unit = directory[authority] ?? directory.ordered.first { unit in
            ([unit.name] + unit.aliases).contains { RoutingText.foldedBytes($0) == written }
        }
        if let unit, let named = disqualifier(of: unit, folded: folded) { return named.name }
        if written.count > 3, RoutingText.contains(folded, written) { return authority }
        return nil
    }

    /// Who takes a denunciation `avoided` may not: the place's inspection committee, else, going up
    /// from `avoided`, each ancestor's own inspection committee and then the ancestor itself; the
    /// first that the text does not disqualify.
    public func replacement(for avoided: Unit, localInspection: Unit?, folded: [UInt8]) -> Unit? {
        var candidates: [Unit] = localInspection.map { [$0] } ?? []
        for ancestor in directory.ancestors(of: avoided.id) {
            candidates += directory.units.values.filter { $0.type == .uyBanKiemTra && $0.parent == ancestor.id }
                .sorted { $0.id < $1.id }
            candidates.append(ancestor)
        }
        return candidates.first { $0.id != avoided.id && disqualifier(of: $0, folded: folded) == nil }
    }

    private func mentions(_ unit: Unit, _ folded: [UInt8]) -> Bool {
        (directory.foldedNames[unit.id] ?? []).contains { RoutingText.contains(folded, $0) }
    }
}
