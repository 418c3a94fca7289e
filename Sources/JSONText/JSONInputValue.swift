/// A member of a JSON object read by `StrictJSONReader`: scalars with their value, numbers as
/// written (so an id of 12345678901234567890 is not rounded), arrays of strings kept, other arrays and objects only checked.
public enum JSONInputValue: Equatable, Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    /// An array whose items are all strings (the API's lists of units).
    case strings([String])
    case array
    case object
}
