public import Domain

/// One routing rule: conditions on the grievance, and where it goes. A class: the router walks
/// the list for every grievance and must not copy each rule as it goes.
public final class Rule: Sendable {
    public enum Action: Sendable, Equatable {
        /// A lead unit is accountable for follow-up; coordinating units help.
        case unit(lead: UnitReference, coordinating: [UnitReference])
        /// The matter belongs to an external authority; `lead` (optional) follows its answer.
        case transfer(authority: UnitReference, lead: UnitReference?)
        /// A person must decide: the registering office's triage queue.
        case triage
    }

    /// Conditions; nil means "any".
    public struct Conditions: Sendable, Equatable {
        public var kinds: Set<Kind>?
        public var topics: Set<String>?
        public var provinces: Set<String>?
        public var communes: Set<String>?
        /// Residential keys (`RoutingText.residentialKey`).
        public var residentialAreas: Set<String>?
        public var channels: Set<Channel>?
        /// Folded keywords (bytes of `RoutingText.fold`); the rule matches when the text contains any of them.
        public var keywords: [[UInt8]]?
        /// Classifier confidence: at least / below.
        public var minimumConfidence: Double?
        public var confidenceBelow: Double?
        /// true: only when the commune is unknown; false: only when it is known.
        public var placeUnknown: Bool?
    }

    public let id: String
    public let title: String
    public let priority: Int
    public let conditions: Conditions
    public let action: Action
    public let deadline: String?
    public let ladder: String?
    public let source: String?
    public let file: String
    public let line: Int
    /// "Khớp quy tắc R12 (title)", the start of every explanation this rule gives.
    let headline: String

    public init(id: String, title: String, priority: Int, conditions: Conditions, action: Action, deadline: String?,
                ladder: String?, source: String?, file: String, line: Int) {
        self.id = id
        self.title = title
        self.priority = priority
        self.conditions = conditions
        self.action = action
        self.deadline = deadline
        self.ladder = ladder
        self.source = source
        self.file = file
        self.line = line
        headline = "Khớp quy tắc \(id)" + (title.isEmpty ? "" : " (\(title))")
    }
}
