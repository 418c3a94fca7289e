import Domain

/// Decides where a grievance goes: the first rule (by priority) whose conditions match and whose
/// units exist for the place; otherwise the registering office's triage queue. Pure and
/// thread-safe: it reads an immutable rule book.
public struct Router: Sendable {
    public let book: RuleBook
    public static let fallbackRuleID = "fallback"

    public init(book: RuleBook) {
        self.book = book
    }

    public func route(_ request: RoutingRequest) -> RoutingDecision {
        var foldedText: String?
        func folded() -> String {
            if let foldedText { return foldedText }
            let value = RoutingText.fold(request.text)
            foldedText = value
            return value
        }
        for rule in book.rules {
            guard let matched = match(rule.conditions, request, folded) else { continue }
            if let decision = decide(rule, request, matched: matched, folded: folded) { return decision }
        }
        return triage(request, ruleID: Router.fallbackRuleID, title: "không quy tắc nào khớp", matched: [],
                      deadline: book.settings.fallbackDeadline, ladder: book.settings.fallbackLadder, source: nil)
    }

    /// The inputs that satisfied the conditions, or nil when they are not all satisfied.
    private func match(_ c: Rule.Conditions, _ r: RoutingRequest, _ folded: () -> String) -> [String]? {
        var matched: [String] = []
        func check<T>(_ allowed: Set<T>?, _ value: T?, _ name: String, _ show: (T) -> String) -> Bool {
            guard let allowed else { return true }
            guard let value, allowed.contains(value) else { return false }
            matched.append("\(name)=\(show(value))")
            return true
        }
        guard check(c.kinds, r.kind, "kind", \.rawValue), check(c.topics, r.topic, "topic", { $0 }),
              check(c.provinces, r.province, "province", { $0 }), check(c.communes, r.commune, "commune", { $0 }),
              check(c.channels, r.channel, "channel", \.rawValue) else { return nil }
        if let areas = c.residentialAreas {
            guard let residential = r.residential, areas.contains(RoutingText.residentialKey(residential)) else { return nil }
            matched.append("residential=\(residential)")
        }
        if let unknown = c.placeUnknown {
            guard (r.commune == nil) == unknown else { return nil }
            matched.append(unknown ? "place=unknown" : "place=known")
        }
        if let minimum = c.minimumConfidence {
            guard let confidence = r.confidence, confidence >= minimum else { return nil }
            matched.append("confidence≥\(minimum)")
        }
        if let below = c.confidenceBelow {
            // An unclassified grievance has no confidence at all: it counts as below any bar.
            guard (r.confidence ?? 0) < below else { return nil }
            matched.append("confidence<\(below)")
        }
        if let keywords = c.keywords {
            let text = folded()
            guard let hit = keywords.first(where: { text.contains($0) }) else { return nil }
            matched.append("keyword=\(hit.trimmedWhitespace)")
        }
        return matched
    }

    private func resolve(_ reference: UnitReference, _ r: RoutingRequest) -> Unit? {
        switch reference {
        case let .fixed(id): book.directory[id]
        case let .local(type): book.directory.localUnit(of: type, province: r.province, commune: r.commune, residential: r.residential)
        }
    }

    private func decide(_ rule: Rule, _ r: RoutingRequest, matched: [String], folded: () -> String) -> RoutingDecision? {
        var outcome: RoutingDecision.Outcome
        var lead: Unit?
        var coordinating: [Unit] = []
        var authority: Unit?
        switch rule.action {
        case let .unit(leadRef, coordinatingRefs):
            guard let found = resolve(leadRef, r) else { return nil }
            outcome = .unit
            lead = found
            coordinating = coordinatingRefs.compactMap { resolve($0, r) }.filter { $0.id != found.id }
        case let .transfer(authorityRef, leadRef):
            guard let found = resolve(authorityRef, r) else { return nil }
            outcome = .transfer
            authority = found
            lead = leadRef.flatMap { resolve($0, r) }
        case .triage:
            return triage(r, ruleID: rule.id, title: rule.title, matched: matched, deadline: rule.deadline, ladder: rule.ladder,
                          source: rule.source)
        }
        // Conflict of interest: a denunciation naming the unit (or one of its people) never goes to it.
        var avoided: Unit?
        if r.kind == .toCao, let named = lead, mentions(named, in: folded()) {
            avoided = named
            lead = replacement(for: named, r, folded())
            coordinating.removeAll { mentions($0, in: folded()) }
            if lead == nil { outcome = .unit }
        }
        return finish(outcome: outcome, lead: lead, coordinating: coordinating, authority: authority, rule: rule, request: r,
                      matched: matched, avoided: avoided)
    }

    private func mentions(_ unit: Unit, in folded: String) -> Bool {
        (unit.aliases + unit.members + [unit.name]).contains { name in
            let key = RoutingText.fold(name)
            return key.count > 2 && folded.contains(key)
        }
    }

    /// The inspection committee for the place, else the nearest ancestor, that the text does not name.
    private func replacement(for unit: Unit, _ r: RoutingRequest, _ folded: String) -> Unit? {
        var candidates: [Unit] = []
        if let inspection = book.directory.localUnit(of: .uyBanKiemTra, province: r.province, commune: r.commune, residential: nil) {
            candidates.append(inspection)
        }
        candidates += book.directory.ancestors(of: unit.id)
        return candidates.first { $0.id != unit.id && !mentions($0, in: folded) }
    }

    private func triage(_ r: RoutingRequest, ruleID: String, title: String, matched: [String], deadline: String?,
                        ladder: String?, source: String?) -> RoutingDecision {
        let office = r.office.flatMap { book.directory[$0] } ?? book.settings.office.flatMap { book.directory[$0] }
        let rule = Rule(id: ruleID, title: title, priority: Int.min, conditions: Rule.Conditions(), action: .triage,
                        deadline: deadline, ladder: ladder, source: source, file: "", line: 0)
        return finish(outcome: .triage, lead: office, coordinating: [], authority: nil, rule: rule, request: r,
                      matched: matched, avoided: nil)
    }

    private func finish(outcome: RoutingDecision.Outcome, lead: Unit?, coordinating: [Unit], authority: Unit?, rule: Rule,
                        request: RoutingRequest, matched: [String], avoided: Unit?) -> RoutingDecision {
        let policy = rule.deadline.flatMap { book.deadlines[$0] }
        let calendar = book.calendar
        let remote = (lead?.isRemote ?? false) || (authority?.isRemote ?? false)
        let acceptLimit = policy?.accept
        let resolveLimit = remote ? (policy?.resolveRemote ?? policy?.resolve) : policy?.resolve
        let dueAccept = acceptLimit.map { calendar.due(from: request.received, days: $0.days, working: $0.working) }
        // The law counts the resolution period from acceptance (thụ lý); until the unit accepts,
        // the latest possible acceptance day stands in for it.
        let dueResolve = resolveLimit.map { calendar.due(from: dueAccept ?? request.received, days: $0.days, working: $0.working) }

        var steps: [RoutingDecision.EscalationStep] = []
        if let ladder = rule.ladder.flatMap({ book.ladders[$0] }), let due = dueResolve, let lead {
            if let before = ladder.remindBefore {
                var day = due
                var left = before
                while left > 0 { day = day.adding(days: -1); if calendar.isWorkingDay(day) { left -= 1 } }
                steps.append(.init(on: max(day, request.received), action: .remind, unit: lead.id))
            }
            let parents = book.directory.ancestors(of: lead.id)
            if let after = ladder.escalateAfter, let parent = parents.first {
                let first = calendar.due(from: due, days: after, working: true)
                steps.append(.init(on: first, action: .escalate, unit: parent.id))
                if let again = ladder.escalateAgainAfter, parents.count > 1 {
                    steps.append(.init(on: calendar.due(from: first, days: again, working: true), action: .escalate,
                                       unit: parents[1].id))
                }
            }
        }
        let explanation = explain(outcome: outcome, rule: rule, request: request, lead: lead, coordinating: coordinating,
                                  authority: authority, acceptLimit: acceptLimit, dueAccept: dueAccept,
                                  resolveLimit: resolveLimit, dueResolve: dueResolve, avoided: avoided, policy: policy)
        return RoutingDecision(outcome: outcome, leadUnit: lead?.id, coordinatingUnits: coordinating.map(\.id),
                               authority: authority?.id, ruleID: rule.id, rulesVersion: book.version, dueAccept: dueAccept,
                               dueResolve: dueResolve, matched: matched, conflictAvoided: avoided?.id, escalation: steps,
                               explanation: explanation)
    }

    /// "Khớp quy tắc R12 (…): loại khiếu nại, chủ đề Đất đai, khu phố 6 → Ủy ban MTTQ phường Bảy Hiền; …"
    private func explain(outcome: RoutingDecision.Outcome, rule: Rule, request: RoutingRequest, lead: Unit?, coordinating: [Unit],
                         authority: Unit?, acceptLimit: Duration?, dueAccept: LocalDate?, resolveLimit: Duration?,
                         dueResolve: LocalDate?, avoided: Unit?, policy: DeadlinePolicy?) -> String {
        var facts: [String] = []
        if let kind = request.kind { facts.append("loại \(kind.vietnameseName)") }
        if let topic = request.topic { facts.append("chủ đề \(book.topics[topic]?.name ?? topic)") }
        if let residential = request.residential { facts.append(residential) }
        if let commune = request.commune { facts.append("mã xã/phường \(commune)") }
        var sentence = rule.id == Router.fallbackRuleID
            ? "Không quy tắc nào khớp"
            : "Khớp quy tắc \(rule.id)" + (rule.title.isEmpty ? "" : " (\(rule.title))")
        if !facts.isEmpty { sentence += ": " + facts.joined(separator: ", ") }
        switch outcome {
        case .triage:
            sentence += " → chuyển bộ phận phân loại của \(lead?.name ?? "cơ quan tiếp nhận")"
        case .unit, .transfer:
            if let lead { sentence += " → \(lead.name)" }
        }
        if !coordinating.isEmpty { sentence += "; phối hợp: " + coordinating.map(\.name).joined(separator: ", ") }
        if let authority { sentence += (lead == nil ? " → " : "; ") + "chuyển \(authority.name)" }
        if let avoided { sentence += "; không giao \(avoided.name) vì đơn tố cáo nêu tên đơn vị hoặc thành viên của đơn vị" }
        if let acceptLimit, let dueAccept { sentence += "; hạn thụ lý \(acceptLimit) (\(dueAccept.display))" }
        if let resolveLimit, let dueResolve { sentence += "; hạn giải quyết \(resolveLimit) (\(dueResolve.display))" }
        if let source = rule.source ?? (policy?.source.isEmpty == false ? policy?.source : nil) { sentence += "; căn cứ: \(source)" }
        return sentence + "."
    }
}
