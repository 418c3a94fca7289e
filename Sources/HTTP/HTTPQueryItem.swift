/// One `name=value` pair of a query string, percent-decoded (`+` read as a space).
public struct HTTPQueryItem: Hashable, Sendable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
