/// A sheet's row as read: the mapped fields (canonical names, values in NFC) and the other
/// columns under their own headers.
public struct SheetRow: Sendable {
    public var fields: [(field: SheetField, value: String)]
    public var extra: [(header: String, value: String)]

    public init(fields: [(field: SheetField, value: String)], extra: [(header: String, value: String)]) {
        self.fields = fields
        self.extra = extra
    }

    /// The other columns by name. `SheetSource` names each column once (a header met again is
    /// "Ghi chú (2)"), so no two share a name; should they, the first is kept.
    public var extraByName: [String: String] {
        Dictionary(extra, uniquingKeysWith: { first, _ in first })
    }

    public subscript(field: SheetField) -> String? {
        get { fields.first { $0.field == field }?.value }
        set {
            fields.removeAll { $0.field == field }
            if let newValue { fields.append((field, newValue)) }
        }
    }
}
