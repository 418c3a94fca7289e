/// A topic as the classifier needs it: its code and its seed keywords (from routing-rules/topics.txt).
public struct TaxonomyTopic: Sendable, Equatable {
    public var id: String
    public var keywords: [String]

    public init(id: String, keywords: [String]) {
        self.id = id
        self.keywords = keywords
    }
}
