/// The time limits a rule applies, with the article of law they come from.
public struct DeadlinePolicy: Sendable, Equatable {
    public var id: String
    /// To accept (thụ lý) or refuse, from receipt.
    public var accept: Duration?
    /// To resolve, from receipt (or from acceptance where the law says so; the rule's source tells).
    public var resolve: Duration?
    /// The longer limit for units in remote, hard-to-reach areas.
    public var resolveRemote: Duration?
    /// How long one extension may add, and how many are allowed (tố cáo: 30 days, twice at most).
    public var extend: Duration?
    public var extensions: Int
    public var source: String
    public var line: Int
    public var file: String
}
