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

        /// Built in one String reserved up front: an import stores one sentence per grievance, and
        /// joining Strings piece by piece, each a new allocation, cost as much as the routing itself.
        /// Appending Strings to one keeps their bytes as they are, where decoding a byte buffer
        /// into a String validated every byte again.
        var sentence: String {
            var out = ""
            out.reserveCapacity(512)
            func add(_ text: String) { out.append(text) }
            add(headline)
            var firstFact = true
            func fact(_ prefix: String, _ value: String) {
                add(firstFact ? ": " : ", ")
                firstFact = false
                add(prefix)
                add(value)
            }
            if let kind { fact("loại ", kind.vietnameseName) }
            // Quoted: topic names hold commas of their own ("Giao thông, hạ tầng").
            if let topicName { fact("chủ đề “", topicName + "”") }
            if let residential { fact("khu dân cư ", residential) }
            if let commune { fact("mã xã/phường ", commune) }
            if isTriage {
                add(" → chuyển đến bộ phận phân loại của ")
                add(lead?.name ?? "cơ quan tiếp nhận")
            } else if let lead {
                add(" → ")
                add(lead.name)
            }
            for (index, unit) in coordinating.enumerated() {
                add(index == 0 ? "; phối hợp: " : ", ")
                add(unit.name)
            }
            if let authority {
                add(lead == nil ? " → chuyển đến " : "; chuyển đến ")
                add(authority.name)
            }
            if let avoided {
                add("; không giao ")
                add(avoided.name)
                add(" vì đơn tố cáo nêu tên đơn vị hoặc thành viên của đơn vị")
            }
            if let (limit, day) = accept {
                add("; hạn thụ lý ")
                add(limit.description)
                add(" (")
                add(day.display)
                add(")")
            }
            if let (limit, day) = resolve {
                add("; hạn giải quyết ")
                add(limit.description)
                add(" (")
                add(day.display)
                add(")")
            }
            if let source {
                add("; căn cứ: ")
                add(source)
            }
            add(".")
            return out
        }

        static func == (a: Reasons, b: Reasons) -> Bool { a.sentence == b.sentence }
    }
}
