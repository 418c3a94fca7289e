public import Domain

/// Where a grievance goes and by when, and why: the rule, what it matched, the rules version.
public struct RoutingDecision: Sendable, Equatable {
    public enum Outcome: String, Sendable { case unit, transfer, triage }

    public struct EscalationStep: Sendable, Equatable {
        public enum Action: String, Sendable { case remind, escalate }
        public var on: LocalDate
        public var action: Action
        public var unit: String
    }

    public var outcome: Outcome
    public var leadUnit: String?
    public var coordinatingUnits: [String]
    /// The external authority's unit id, for transfers.
    public var authority: String?
    public var ruleID: String
    public var rulesVersion: String
    /// The deadline policy that set the dates (bounds later extensions).
    public var deadlinePolicy: String?
    public var dueAccept: LocalDate?
    public var dueResolve: LocalDate?
    /// The inputs the rule matched, e.g. ["kind=khieu-nai", "topic=dat-dai", "commune=26983"].
    public var matched: [String]
    /// Set when a denunciation names the unit that would have led: the unit it was kept from.
    public var conflictAvoided: String?
    public var escalation: [EscalationStep]
    /// What the sentence is made of; rendered on demand, since most decisions are stored, not read.
    var reasons: Reasons

    /// One Vietnamese sentence: "Khớp quy tắc R12: …".
    public var explanation: String { reasons.sentence }

    struct Reasons: Sendable, Equatable {
        var headline: String
        // Raw values, formatted only when someone reads the sentence.
        var kind: Kind?
        var topicName: String?
        var residential: String?
        var commune: String?
        var isTriage: Bool
        var lead: Unit?
        var coordinating: [Unit]
        var authority: Unit?
        var avoided: Unit?
        var accept: (Duration, LocalDate)?
        var resolve: (Duration, LocalDate)?
        var source: String?

        var facts: [String] {
            var facts: [String] = []
            if let kind { facts.append("loại \(kind.vietnameseName)") }
            if let topicName { facts.append("chủ đề \(topicName)") }
            if let residential { facts.append(residential) }
            if let commune { facts.append("mã xã/phường \(commune)") }
            return facts
        }

        var sentence: String {
            var sentence = headline
            if !facts.isEmpty { sentence += ": " + facts.joined(separator: ", ") }
            if isTriage {
                sentence += " → chuyển bộ phận phân loại của \(lead?.name ?? "cơ quan tiếp nhận")"
            } else if let lead {
                sentence += " → \(lead.name)"
            }
            if !coordinating.isEmpty { sentence += "; phối hợp: " + coordinating.map(\.name).joined(separator: ", ") }
            if let authority { sentence += (lead == nil ? " → " : "; ") + "chuyển \(authority.name)" }
            if let avoided { sentence += "; không giao \(avoided.name) vì đơn tố cáo nêu tên đơn vị hoặc thành viên của đơn vị" }
            if let (limit, day) = accept { sentence += "; hạn thụ lý \(limit) (\(day.display))" }
            if let (limit, day) = resolve { sentence += "; hạn giải quyết \(limit) (\(day.display))" }
            if let source { sentence += "; căn cứ: \(source)" }
            return sentence + "."
        }

        static func == (a: Reasons, b: Reasons) -> Bool { a.sentence == b.sentence }
    }
}
