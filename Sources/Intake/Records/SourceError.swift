/// A whole source that cannot be imported (unreadable, no content column): nothing of it is taken.
public struct SourceError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
