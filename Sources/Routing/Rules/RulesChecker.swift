/// The checks `danvan rules check` runs on a parsed rule book: references, cycles, rules that can
/// never apply, and rules of equal priority that overlap.
enum RulesChecker {
    static func check(_ book: RuleBook, settingsAt: (file: String, line: Int)?) -> [RulesProblem] {
        var problems: [RulesProblem] = []
        let units = book.directory

        for unit in units.ordered {
            if let parent = unit.parent, units[parent] == nil {
                problems.append(RulesProblem(file: unit.file, line: unit.line, message: "unit \(unit.id): unknown parent '\(parent)'"))
            }
        }
        problems += parentCycles(units)

        if let (file, line) = settingsAt {
            func need(_ what: String, _ value: String?, _ known: Bool) {
                if value == nil {
                    problems.append(RulesProblem(file: file, line: line, message: "settings: '\(what)' is missing"))
                } else if !known {
                    problems.append(RulesProblem(file: file, line: line, message: "settings: \(what) '\(value!)' is not defined"))
                }
            }
            need("office", book.settings.office, book.settings.office.map { units[$0] != nil } ?? false)
            need("fallback deadline", book.settings.fallbackDeadline,
                 book.settings.fallbackDeadline.map { book.deadlines[$0] != nil } ?? false)
            if let ladder = book.settings.fallbackLadder, book.ladders[ladder] == nil {
                problems.append(RulesProblem(file: file, line: line, message: "settings: fallback ladder '\(ladder)' is not defined"))
            }
        } else if let first = book.rules.first {
            problems.append(RulesProblem(file: first.file, line: 0,
                                         message: "no 'settings' block: the triage queue needs an 'office' and a 'fallback deadline'"))
        }

        var contradictory = Set<String>()
        for rule in book.rules {
            func problem(_ message: String) { problems.append(RulesProblem(file: rule.file, line: rule.line, message: "rule \(rule.id): \(message)")) }
            func checkUnit(_ ref: UnitReference, role: String) {
                guard case let .fixed(id) = ref else { return }
                if units[id] == nil { problem("\(role) '\(id)' is not in the unit directory") }
            }
            switch rule.action {
            case let .unit(lead, coordinating):
                checkUnit(lead, role: "lead unit")
                coordinating.forEach { checkUnit($0, role: "coordinating unit") }
            case let .transfer(authority, lead):
                checkUnit(authority, role: "authority")
                lead.map { checkUnit($0, role: "lead unit") }
                let type: UnitType? = switch authority {
                case let .fixed(id): units[id]?.type
                case let .local(type): type
                }
                if let type, !type.isExternalAuthority {
                    problem("transfer goes to a \(type.rawValue), which is not an external authority (ubnd-xa, ubnd-tinh, co-quan-khac)")
                }
            case .triage:
                break
            }
            if !book.topics.isEmpty, let topics = rule.conditions.topics {
                for topic in topics.sorted() where book.topics[topic] == nil { problem("unknown topic '\(topic)'") }
            }
            if let deadline = rule.deadline, book.deadlines[deadline] == nil { problem("unknown deadline policy '\(deadline)'") }
            if let ladder = rule.ladder, book.ladders[ladder] == nil { problem("unknown escalation ladder '\(ladder)'") }
            if let reason = contradiction(rule.conditions) {
                problem("no grievance can reach it: \(reason)")
                contradictory.insert(rule.id)
            }
        }

        // Shadowing and overlaps, pairwise over the rules in the order they are tried.
        // A rule already reported as self-contradictory is left out: one message per mistake.
        for (index, later) in book.rules.enumerated() where !contradictory.contains(later.id) {
            for earlier in book.rules[..<index] where !contradictory.contains(earlier.id) {
                if earlier.priority > later.priority, covers(earlier, later) {
                    problems.append(RulesProblem(file: later.file, line: later.line,
                        message: "rule \(later.id): no grievance can reach it: rule \(earlier.id) (\(earlier.file):\(earlier.line), priority \(earlier.priority)) takes everything it matches"))
                    break
                }
                if earlier.priority == later.priority, overlap(earlier.conditions, later.conditions) {
                    problems.append(RulesProblem(file: later.file, line: later.line,
                        message: "rule \(later.id) overlaps rule \(earlier.id) (\(earlier.file):\(earlier.line)) at the same priority \(later.priority): give one a higher priority"))
                }
            }
        }
        return problems
    }

    private static func parentCycles(_ units: UnitDirectory) -> [RulesProblem] {
        var problems: [RulesProblem] = []
        var reported = Set<String>()
        for unit in units.ordered where !reported.contains(unit.id) {
            var path = [unit.id]
            var current = unit.parent
            while let id = current, let next = units[id] {
                if let start = path.firstIndex(of: id) {
                    let cycle = path[start...] + [id]
                    // Reported at the unit whose "parent:" closes the loop.
                    let closing = units[path.last!] ?? next
                    if cycle.allSatisfy({ !reported.contains($0) }) {
                        problems.append(RulesProblem(file: closing.file, line: closing.line,
                                                     message: "units form a cycle of parents: \(cycle.joined(separator: " → "))"))
                    }
                    reported.formUnion(cycle)
                    break
                }
                path.append(id)
                current = next.parent
            }
        }
        return problems
    }

    private static func contradiction(_ c: Rule.Conditions) -> String? {
        if c.placeUnknown == true && (c.communes != nil || c.residentialAreas != nil) {
            return "'when place: unknown' with a commune or residential condition"
        }
        if let low = c.minimumConfidence, let high = c.confidenceBelow, low >= high {
            return "confidence at least \(low) and below \(high)"
        }
        for (name, empty) in [("kind", c.kinds?.isEmpty), ("topic", c.topics?.isEmpty), ("province", c.provinces?.isEmpty),
                              ("commune", c.communes?.isEmpty), ("residential", c.residentialAreas?.isEmpty),
                              ("channel", c.channels?.isEmpty), ("keywords", c.keywords?.isEmpty)] where empty == true {
            return "'when \(name)' lists nothing"
        }
        return nil
    }

    /// Whether `a` takes every grievance `b` would: each of a's conditions is absent or a superset,
    /// and a always finds its units.
    private static func covers(_ a: Rule, _ b: Rule) -> Bool {
        func superset<T>(_ x: Set<T>?, _ y: Set<T>?) -> Bool {
            guard let x else { return true }
            guard let y else { return false }
            return y.isSubset(of: x)
        }
        let ca = a.conditions, cb = b.conditions
        guard ca.keywords == nil || ca.keywords == cb.keywords,
              ca.minimumConfidence == nil || ca.minimumConfidence == cb.minimumConfidence,
              ca.confidenceBelow == nil || ca.confidenceBelow == cb.confidenceBelow,
              ca.placeUnknown == nil || ca.placeUnknown == cb.placeUnknown else { return false }
        // A rule naming "local" units may find none and let the grievance fall through.
        switch a.action {
        case let .unit(lead, _): if case .local = lead { return false }
        case let .transfer(authority, _): if case .local = authority { return false }
        case .triage: break
        }
        return superset(ca.kinds, cb.kinds) && superset(ca.topics, cb.topics) && superset(ca.provinces, cb.provinces)
            && superset(ca.communes, cb.communes) && superset(ca.residentialAreas, cb.residentialAreas)
            && superset(ca.channels, cb.channels)
    }

    /// Whether some grievance could match both.
    private static func overlap(_ a: Rule.Conditions, _ b: Rule.Conditions) -> Bool {
        func meet<T>(_ x: Set<T>?, _ y: Set<T>?) -> Bool {
            guard let x, let y else { return true }
            return !x.isDisjoint(with: y)
        }
        if let pa = a.placeUnknown, let pb = b.placeUnknown, pa != pb { return false }
        if let low = a.minimumConfidence, let high = b.confidenceBelow, low >= high { return false }
        if let low = b.minimumConfidence, let high = a.confidenceBelow, low >= high { return false }
        return meet(a.kinds, b.kinds) && meet(a.topics, b.topics) && meet(a.provinces, b.provinces)
            && meet(a.communes, b.communes) && meet(a.residentialAreas, b.residentialAreas) && meet(a.channels, b.channels)
    }
}
