public import Domain

/// One routing rule: conditions on the grievance, and where it goes.
public struct Rule: Sendable {
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
        /// Folded keywords; the rule matches when the text contains any of them.
        public var keywords: [String]?
        /// Classifier confidence: at least / below.
        public var minimumConfidence: Double?
        public var confidenceBelow: Double?
        /// true: only when the commune is unknown; false: only when it is known.
        public var placeUnknown: Bool?
    }

    public var id: String
    public var title: String
    public var priority: Int
    public var conditions: Conditions
    public var action: Action
    public var deadline: String?
    public var ladder: String?
    public var source: String?
    public var file: String
    public var line: Int
}
