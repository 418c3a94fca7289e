/// The longest value each field takes, in characters: generous for what people write, small
/// enough that a pasted file or a shifted column is refused rather than stored. The API, the
/// command line and the importer all check these.
public enum FieldLimits {
    public static let text = 100_000
    public static let name = 200
    public static let address = 500
    public static let phone = 30
    /// RFC 5321's limit on a path.
    public static let email = 254
    /// A CCCD has 12 digits, a passport 8–9 characters; room for spaces and an old CMND's prefix.
    public static let idNumber = 20
    public static let residential = 200
    /// NSO codes have at most 5 digits.
    public static let placeCode = 10
    /// Any other cell of a sheet (a reference number, a note, a topic or channel as written).
    public static let other = 4_000

    /// Whether `value` has more than `limit` characters. A character is at least one UTF-8
    /// byte, so most values are cleared without counting characters (which is slow).
    @inlinable
    public static func exceeds(_ value: String, _ limit: Int) -> Bool {
        value.utf8.count > limit && value.count > limit
    }

    /// The field's message when `value` is too long, else nil.
    public static func problem(_ value: String, limit: Int) -> String? {
        guard exceeds(value, limit) else { return nil }
        return "dài \(value.count) ký tự; tối đa \(limit) ký tự"
    }
}
