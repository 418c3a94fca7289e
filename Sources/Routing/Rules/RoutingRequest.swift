public import Domain

/// What the router looks at. Missing values never match a condition on them.
public struct RoutingRequest: Sendable {
    public var text: String
    public var kind: Kind?
    public var topic: String?
    /// The classifier's confidence in the topic, 0…1.
    public var confidence: Double?
    public var province: String?
    public var commune: String?
    public var residential: String?
    public var channel: Channel?
    public var received: LocalDate
    /// The registering Front office, whose triage queue takes what no rule places.
    public var office: String?

    public init(text: String, kind: Kind? = nil, topic: String? = nil, confidence: Double? = nil, province: String? = nil,
                commune: String? = nil, residential: String? = nil, channel: Channel? = nil, received: LocalDate,
                office: String? = nil) {
        self.text = text
        self.kind = kind
        self.topic = topic
        self.confidence = confidence
        self.province = province
        self.commune = commune
        self.residential = residential
        self.channel = channel
        self.received = received
        self.office = office
    }
}
