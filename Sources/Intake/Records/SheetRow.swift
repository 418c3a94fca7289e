/// A sheet's row as read: the mapped fields (canonical names, values in NFC) and the other
/// columns under their own headers.
public struct SheetRow: Sendable {
    public var fields: [(field: SheetField, value: String)]
    public var extra: [(header: String, value: String)]

    public init(fields: [(field: SheetField, value: String)], extra: [(header: String, value: String)]) {
        self.fields = fields
        self.extra = extra
    }

    /// The other columns by name, each kept: a header met a second time becomes "Ghi chú (2)".
    public var extraByName: [String: String] {
        var named: [String: String] = [:]
        for (header, value) in extra {
            var name = header
            var repeated = 2
            while named[name] != nil {
                name = "\(header) (\(repeated))"
                repeated += 1
            }
            named[name] = value
        }
        return named
    }

    public subscript(field: SheetField) -> String? {
        get { fields.first { $0.field == field }?.value }
        set {
            fields.removeAll { $0.field == field }
            if let newValue { fields.append((field, newValue)) }
        }
    }
}
