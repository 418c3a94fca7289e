/// A member of a JSON object read by `StrictJSONReader`: scalars with their value, numbers as
/// written (so an id of 12345678901234567890 is not rounded), arrays and objects only checked.
enum JSONInputValue: Equatable, Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array
    case object
}
