/// Who sent a grievance. Every field is optional: citizens may write anonymously, except for tố cáo.
public struct Submitter: Sendable, Equatable, Codable {
    public var name: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    /// The denouncer's identity must be kept confidential (Luật Tố cáo 2018 art. 47): pages and
    /// reports show "(bảo mật)" instead of these fields to anyone but the handling officer.
    public var confidential: Bool

    public init(name: String? = nil, address: String? = nil, phone: String? = nil, email: String? = nil,
                confidential: Bool = false) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.confidential = confidential
    }

    /// No name, or only spaces where one should be.
    public var isAnonymous: Bool { (name ?? "").allSatisfy(\.isWhitespace) }
}
