/// A topic of the taxonomy in routing-rules/topics.txt.
public struct Topic: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var keywords: [String]
}
