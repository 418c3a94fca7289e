import Foundation
import Domain

/// Parses and checks the rules files. Every problem is reported, each as file:line: message;
/// a rule book is returned only when there are none, so a bad edit never replaces good rules.
public enum RuleBookLoader {
    /// Loads `directory` (rules, units, topics, calendar).
    public static func load(directory: String) throws(RulesProblems) -> RuleBook {
        let source = try RulesSource.read(directory: directory)
        let calendar = try CalendarLoader.load(rulesDirectory: directory)
        let (book, problems) = build(source, calendar: calendar)
        guard let book, problems.isEmpty else { throw RulesProblems(problems) }
        return book
    }

    public static func build(_ source: RulesSource, calendar: WorkingCalendar) -> (RuleBook?, [RulesProblem]) {
        var problems: [RulesProblem] = []
        var units: [Unit] = []
        var rules: [Rule] = []
        var deadlines: [String: DeadlinePolicy] = [:]
        var ladders: [String: EscalationLadder] = [:]
        var topics: [String: Topic] = [:]
        var settings = RuleBookSettings()
        var settingsLine: (file: String, line: Int)?
        var firstDefinition: [String: (String, Int)] = [:]

        for file in source.files {
            let (blocks, found) = BlockParser.parse(file.contents, file: file.path)
            problems += found
            for block in blocks {
                if block.keyword != "settings" {
                    guard !block.id.isEmpty, !block.id.contains(" ") else {
                        problems.append(block.problem("'\(block.keyword)' needs one id, e.g. '\(block.keyword) R12'"))
                        continue
                    }
                    let key = "\(block.keyword) \(block.id)"
                    if let (otherFile, otherLine) = firstDefinition[key] {
                        problems.append(block.problem("\(key) is already defined at \(otherFile):\(otherLine)"))
                        continue
                    }
                    firstDefinition[key] = (block.file, block.line)
                }
                switch block.keyword {
                case "unit": if let unit = parseUnit(block, &problems) { units.append(unit) }
                case "rule": if let rule = parseRule(block, &problems) { rules.append(rule) }
                case "deadline": if let policy = parseDeadline(block, &problems) { deadlines[policy.id] = policy }
                case "ladder": if let ladder = parseLadder(block, &problems) { ladders[ladder.id] = ladder }
                case "topic": if let topic = parseTopic(block, &problems) { topics[topic.id] = topic }
                case "settings":
                    settingsLine = (block.file, block.line)
                    for field in block.fields {
                        switch field.key {
                        case "office": settings.office = field.value
                        case "fallback deadline": settings.fallbackDeadline = field.value
                        case "fallback ladder": settings.fallbackLadder = field.value
                        default: problems.append(block.problem("unknown setting '\(field.key)'", at: field.line))
                        }
                    }
                default:
                    problems.append(block.problem("unknown block '\(block.keyword)'; expected unit, rule, deadline, ladder, topic or settings"))
                }
            }
        }
        let directory = UnitDirectory(units)
        let ordered = rules.enumerated().sorted { a, b in
            a.element.priority != b.element.priority ? a.element.priority > b.element.priority : a.offset < b.offset
        }.map(\.element)
        let book = RuleBook(directory: directory, rules: ordered, deadlines: deadlines, ladders: ladders, topics: topics,
                            settings: settings, calendar: calendar, version: source.version)
        problems += RulesChecker.check(book, settingsAt: settingsLine)
        return (problems.isEmpty ? book : nil, problems.sorted())
    }

    // MARK: - Blocks

    private static func parseUnit(_ block: Block, _ problems: inout [RulesProblem]) -> Unit? {
        var name = "", type = UnitType.mttqXa, parent: String?, isRemote = false
        var provinces: [String] = [], communes: [String] = [], areas: [String] = [], aliases: [String] = []
        var members: [String] = [], notify: [String] = []
        var typeSeen = false
        for field in block.fields {
            switch field.key {
            case "name": name = field.value
            case "type":
                guard let known = UnitType(rawValue: field.value) else {
                    problems.append(block.problem("unknown unit type '\(field.value)'; known: \(UnitType.allCodes)", at: field.line))
                    return nil
                }
                type = known
                typeSeen = true
            case "parent": parent = field.value
            case "province": provinces = field.value.commaList
            case "commune": communes = field.value.commaList
            case "areas": areas = field.value.commaList
            case "aliases": aliases = field.value.split(separator: ";").map(\.trimmedWhitespace).filter { !$0.isEmpty }
            case "members": members = field.value.split(separator: ";").map(\.trimmedWhitespace).filter { !$0.isEmpty }
            case "notify": notify = field.value.commaList
            case "remote":
                guard let flag = parseBool(field.value) else {
                    problems.append(block.problem("remote: expected yes or no", at: field.line))
                    return nil
                }
                isRemote = flag
            default:
                problems.append(block.problem("unknown unit field '\(field.key)'", at: field.line))
            }
        }
        if name.isEmpty { problems.append(block.problem("unit \(block.id) has no name")) }
        if !typeSeen { problems.append(block.problem("unit \(block.id) has no type; known: \(UnitType.allCodes)")) }
        guard !name.isEmpty, typeSeen else { return nil }
        return Unit(id: block.id, name: name, type: type, parent: parent, provinces: provinces, communes: communes,
                    residentialAreas: areas, aliases: aliases, members: members, notify: notify, isRemote: isRemote,
                    line: block.line, file: block.file)
    }

    private static func parseRule(_ block: Block, _ problems: inout [RulesProblem]) -> Rule? {
        var conditions = Rule.Conditions()
        var priority: Int?
        var title = ""
        var lead: UnitReference?, coordinating: [UnitReference] = [], transfer: UnitReference?, triage = false
        var deadline: String?, ladder: String?, source: String?
        var ok = true
        func fail(_ message: String, _ line: Int) {
            problems.append(block.problem(message, at: line))
            ok = false
        }
        func reference(_ text: String, _ line: Int) -> UnitReference? {
            guard let ref = UnitReference(parsing: text) else {
                fail("'\(text)' is neither a unit id nor 'local TYPE' (types: \(UnitType.allCodes))", line)
                return nil
            }
            return ref
        }
        for field in block.fields {
            let values = field.value.commaList
            switch field.key {
            case "title": title = field.value
            case "priority":
                guard let number = Int(field.value) else { fail("priority: '\(field.value)' is not a whole number", field.line); continue }
                priority = number
            case "when kind":
                var kinds = Set<Kind>()
                for value in values {
                    guard let kind = Kind(rawValue: value) else { fail("unknown kind '\(value)'; known: \(Kind.allCodes)", field.line); continue }
                    kinds.insert(kind)
                }
                conditions.kinds = kinds
            case "when topic": conditions.topics = Set(values)
            case "when province": conditions.provinces = Set(values)
            case "when commune": conditions.communes = Set(values)
            case "when residential": conditions.residentialAreas = Set(values.map(RoutingText.residentialKey))
            case "when channel":
                var channels = Set<Channel>()
                for value in values {
                    guard let channel = Channel(rawValue: value) else {
                        fail("unknown channel '\(value)'; known: \(Channel.allCodes)", field.line)
                        continue
                    }
                    channels.insert(channel)
                }
                conditions.channels = channels
            case "when keywords": conditions.keywords = values.map(RoutingText.foldedBytes)
            case "when confidence":
                let words = field.value.split(separator: " ")
                if words.count == 2, words[0] == "below", let value = Double(words[1]), (0...1).contains(value) {
                    conditions.confidenceBelow = value
                } else if words.count == 3, words[0] == "at", words[1] == "least", let value = Double(words[2]), (0...1).contains(value) {
                    conditions.minimumConfidence = value
                } else {
                    fail("when confidence: expected 'below 0.6' or 'at least 0.6'", field.line)
                }
            case "when place":
                switch field.value {
                case "unknown": conditions.placeUnknown = true
                case "known": conditions.placeUnknown = false
                default: fail("when place: expected 'known' or 'unknown'", field.line)
                }
            case "lead": lead = reference(field.value, field.line)
            case "coordinate": coordinating = values.compactMap { reference($0, field.line) }
            case "transfer": transfer = reference(field.value, field.line)
            case "triage":
                guard let flag = parseBool(field.value) else { fail("triage: expected yes or no", field.line); continue }
                triage = flag
            case "deadline": deadline = field.value
            case "ladder": ladder = field.value
            case "source": source = field.value
            default: fail("unknown rule field '\(field.key)'", field.line)
            }
        }
        guard let priority else {
            problems.append(block.problem("rule \(block.id) has no priority"))
            return nil
        }
        let action: Rule.Action
        switch (lead, transfer, triage) {
        case (_, let authority?, false): action = .transfer(authority: authority, lead: lead)
        case (let lead?, nil, false): action = .unit(lead: lead, coordinating: coordinating)
        case (nil, nil, true): action = .triage
        case (nil, nil, false):
            problems.append(block.problem("rule \(block.id) says nowhere to go: add 'lead:', 'transfer:' or 'triage: yes'"))
            return nil
        default:
            problems.append(block.problem("rule \(block.id) has 'triage: yes' and a unit: choose one"))
            return nil
        }
        guard ok else { return nil }
        return Rule(id: block.id, title: title, priority: priority, conditions: conditions, action: action, deadline: deadline,
                    ladder: ladder, source: source, file: block.file, line: block.line)
    }

    private static func parseDeadline(_ block: Block, _ problems: inout [RulesProblem]) -> DeadlinePolicy? {
        var policy = DeadlinePolicy(id: block.id, accept: nil, resolve: nil, resolveRemote: nil, extend: nil, extensions: 0,
                                    source: "", line: block.line, file: block.file)
        var ok = true
        for field in block.fields {
            func duration() -> Duration? {
                guard let value = Duration(parsing: field.value) else {
                    problems.append(block.problem("\(field.key): '\(field.value)' is not like '30 days' or '5 working days'", at: field.line))
                    ok = false
                    return nil
                }
                return value
            }
            switch field.key {
            case "accept": policy.accept = duration()
            case "resolve": policy.resolve = duration()
            case "resolve remote": policy.resolveRemote = duration()
            case "extend": policy.extend = duration()
            case "extensions":
                guard let count = Int(field.value), (0...5).contains(count) else {
                    problems.append(block.problem("extensions: expected a number from 0 to 5", at: field.line))
                    ok = false
                    continue
                }
                policy.extensions = count
            case "source": policy.source = field.value
            default:
                problems.append(block.problem("unknown deadline field '\(field.key)'", at: field.line))
                ok = false
            }
        }
        if policy.source.isEmpty {
            problems.append(block.problem("deadline \(block.id) has no source: cite the article of law it comes from"))
            ok = false
        }
        return ok ? policy : nil
    }

    private static func parseLadder(_ block: Block, _ problems: inout [RulesProblem]) -> EscalationLadder? {
        var ladder = EscalationLadder(id: block.id, line: block.line, file: block.file)
        var ok = true
        for field in block.fields {
            // "2 working days before", "1 working day after"
            let words = field.value.split(separator: " ")
            guard words.count >= 3, let days = Int(words[0]), days >= 0,
                  Duration(parsing: words.dropLast().joined(separator: " "))?.working == true else {
                problems.append(block.problem("\(field.key): expected like '2 working days before'", at: field.line))
                ok = false
                continue
            }
            let direction = words.last!
            switch (field.key, direction) {
            case ("remind", "before"): ladder.remindBefore = days
            case ("escalate", "after"): ladder.escalateAfter = days
            case ("escalate again", "after"): ladder.escalateAgainAfter = days
            default:
                problems.append(block.problem("unknown ladder step '\(field.key): … \(direction)'; expected remind … before, escalate … after, escalate again … after", at: field.line))
                ok = false
            }
        }
        return ok ? ladder : nil
    }

    private static func parseTopic(_ block: Block, _ problems: inout [RulesProblem]) -> Topic? {
        var topic = Topic(id: block.id, name: "", description: "", keywords: [])
        for field in block.fields {
            switch field.key {
            case "name": topic.name = field.value
            case "description": topic.description = field.value
            case "keywords": topic.keywords = field.value.commaList
            default: problems.append(block.problem("unknown topic field '\(field.key)'", at: field.line))
            }
        }
        guard !topic.name.isEmpty else {
            problems.append(block.problem("topic \(block.id) has no name"))
            return nil
        }
        return topic
    }

    private static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "true", "có": true
        case "no", "false", "không": false
        default: nil
        }
    }
}

extension EscalationLadder {
    init(id: String, line: Int, file: String) {
        self.init(id: id, remindBefore: nil, escalateAfter: nil, escalateAgainAfter: nil, line: line, file: file)
    }
}
