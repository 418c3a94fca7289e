/// What the account and audit tables refuse, for the layer above to word for people.
public enum AccountError: Error, Equatable, Sendable {
    case loginTaken(String)
    case unknownUser(String)
}
