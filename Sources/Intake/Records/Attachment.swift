/// A file attached to an e-mail, decoded, with its hash (the same file sent twice is stored once
/// per grievance, and its hash proves what was received).
public struct Attachment: Sendable, Equatable {
    public var name: String?
    /// "application/pdf"
    public var type: String
    public var content: [UInt8]
    public var sha256: String

    public init(name: String?, type: String, content: [UInt8], sha256: String) {
        self.name = name
        self.type = type
        self.content = content
        self.sha256 = sha256
    }

    public var size: Int { content.count }
}
