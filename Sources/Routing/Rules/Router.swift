import Domain

/// Decides where a grievance goes: the first rule (by priority) whose conditions match and whose
/// units exist for the place; otherwise the registering office's triage queue. Pure and
/// thread-safe: it reads an immutable rule book.
public struct Router: Sendable {
    public let book: RuleBook
    public static let fallbackRuleID = "fallback"
    private let fallback: Rule

    public init(book: RuleBook) {
        self.book = book
        fallback = Router.fallbackRule(book.settings)
    }

    /// The built-in last resort: the registering office's triage queue.
    static func fallbackRule(_ settings: RuleBookSettings) -> Rule {
        Rule(id: fallbackRuleID, title: "không quy tắc nào khớp", priority: Int.min, conditions: Rule.Conditions(),
             action: .triage, deadline: settings.fallbackDeadline, ladder: settings.fallbackLadder, source: nil, file: "", line: 0)
    }

    public func route(_ request: RoutingRequest) -> RoutingDecision {
        let cache = RequestCache(request)
        let folded = { cache.folded }
        let area = { cache.area }
        for rule in book.rules {
            guard let matched = match(rule, request, area, folded) else { continue }
            if let decision = decide(rule, request, area, matched: matched, folded: folded) { return decision }
        }
        return triage(request, rule: fallback, matched: [])
    }

    /// The inputs that satisfied the conditions, or nil when they are not all satisfied.
    private func match(_ rule: Rule, _ r: RoutingRequest, _ area: () -> String?, _ folded: () -> [UInt8]) -> [String]? {
        let c = rule.conditions
        // Cheap rejections first: most rules fail on kind, topic or place, and the strings below
        // are only worth building for a rule that matches.
        if let kinds = c.kinds, !(r.kind.map(kinds.contains) ?? false) { return nil }
        if let topics = c.topics, !(r.topic.map(topics.contains) ?? false) { return nil }
        if let provinces = c.provinces, !(r.province.map(provinces.contains) ?? false) { return nil }
        if let communes = c.communes, !(r.commune.map(communes.contains) ?? false) { return nil }
        if let channels = c.channels, !(r.channel.map(channels.contains) ?? false) { return nil }
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
            guard let residential = r.residential, let key = area(), areas.contains(key) else { return nil }
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
            guard let hit = keywords.first(where: { RoutingText.contains(text, $0) }) else { return nil }
            matched.append("keyword=\(String(decoding: hit, as: UTF8.self).trimmedWhitespace)")
        }
        return matched
    }

    private func resolve(_ reference: UnitReference, _ r: RoutingRequest, _ area: () -> String?) -> Unit? {
        switch reference {
        case let .fixed(id): book.directory[id]
        case let .local(type): book.directory.localUnit(of: type, province: r.province, commune: r.commune, residentialKey: area())
        }
    }

    private func decide(_ rule: Rule, _ r: RoutingRequest, _ area: () -> String?, matched: [String],
                        folded: () -> [UInt8]) -> RoutingDecision? {
        var outcome: RoutingDecision.Outcome
        var lead: Unit?
        var coordinating: [Unit] = []
        var authority: Unit?
        switch rule.action {
        case let .unit(leadRef, coordinatingRefs):
            guard let found = resolve(leadRef, r, area) else { return nil }
            outcome = .unit
            lead = found
            coordinating = coordinatingRefs.compactMap { resolve($0, r, area) }.filter { $0.id != found.id }
        case let .transfer(authorityRef, leadRef):
            guard let found = resolve(authorityRef, r, area) else { return nil }
            outcome = .transfer
            authority = found
            lead = leadRef.flatMap { resolve($0, r, area) }
        case .triage:
            return triage(r, rule: rule, matched: matched)
        }
        // Conflict of interest: a denunciation naming the unit, one of its people or the committee
        // it answers to never goes to it.
        var avoided: Unit?
        if r.kind == .toCao, let named = lead {
            let conflicts = ConflictOfInterest(directory: book.directory)
            let text = folded()
            if conflicts.disqualifier(of: named, folded: text) != nil {
                avoided = named
                let inspection = book.directory.localUnit(of: .uyBanKiemTra, province: r.province, commune: r.commune,
                                                          residentialKey: nil)
                lead = conflicts.replacement(for: named, localInspection: inspection, folded: text)
                if lead == nil { outcome = .unit }
            }
            coordinating.removeAll { conflicts.disqualifier(of: $0, folded: text) != nil }
            // A transfer to the authority the letter accuses goes to the authority above it.
            if let named = authority, conflicts.disqualifier(of: named, folded: text) != nil {
                if avoided == nil { avoided = named }
                authority = conflicts.replacement(for: named, localInspection: nil, folded: text)
                if authority == nil { outcome = .unit }
            }
        }
        return finish(outcome: outcome, lead: lead, coordinating: coordinating, authority: authority, rule: rule, request: r,
                      matched: matched, avoided: avoided)
    }

    private func triage(_ r: RoutingRequest, rule: Rule, matched: [String]) -> RoutingDecision {
        let office = r.office.flatMap { book.directory[$0] } ?? book.settings.office.flatMap { book.directory[$0] }
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
        let reasons = RoutingDecision.Reasons(
            headline: rule.id == Router.fallbackRuleID ? "Không quy tắc nào khớp" : rule.headline, kind: request.kind,
            topicName: request.topic.map { book.topics[$0]?.name ?? $0 }, residential: request.residential,
            commune: request.commune, isTriage: outcome == .triage, lead: lead, coordinating: coordinating, authority: authority,
            avoided: avoided, accept: acceptLimit.flatMap { limit in dueAccept.map { (limit, $0) } },
            resolve: resolveLimit.flatMap { limit in dueResolve.map { (limit, $0) } },
            source: rule.source ?? (policy?.source.isEmpty == false ? policy?.source : nil))
        return RoutingDecision(outcome: outcome, leadUnit: lead?.id, coordinatingUnits: coordinating.map(\.id),
                               authority: authority?.id, ruleID: rule.id, rulesVersion: book.version,
                               deadlinePolicy: policy?.id, dueAccept: dueAccept,
                               dueResolve: dueResolve, matched: matched, conflictAvoided: avoided?.id, escalation: steps,
                               reasons: reasons)
    }
}

/// What routing derives from a request, computed once and only if a rule needs it.
private final class RequestCache {
    private let request: RoutingRequest
    private var foldedText: [UInt8]?
    private var areaKey: String??

    init(_ request: RoutingRequest) { self.request = request }

    /// The text folded for keyword and name matching.
    var folded: [UInt8] {
        if let foldedText { return foldedText }
        let value = RoutingText.foldedBytes(request.text)
        foldedText = value
        return value
    }

    /// The residential area as a key ("kp 6").
    var area: String? {
        if let areaKey { return areaKey }
        let value = request.residential.map(RoutingText.residentialKey)
        areaKey = .some(value)
        return value
    }
}
