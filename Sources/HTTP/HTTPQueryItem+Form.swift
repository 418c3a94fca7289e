extension HTTPQueryItem {
    /// `name=value` pairs joined by `&`, percent-decoded with `+` read as a space: a query string
    /// or an `application/x-www-form-urlencoded` body; empty pairs are skipped. Nil for a
    /// malformed escape or bytes that are not UTF-8.
    public static func form(_ bytes: ArraySlice<UInt8>) -> [HTTPQueryItem]? {
        var items: [HTTPQueryItem] = []
        for pair in bytes.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            guard let name = PercentEncoding.decode(pair[..<equals], plusAsSpace: true),
                  let value = PercentEncoding.decode(equals < pair.endIndex ? pair[(equals + 1)...] : [][...], plusAsSpace: true)
            else { return nil }
            items.append(HTTPQueryItem(name: name, value: value))
        }
        return items
    }

    public static func form(_ bytes: [UInt8]) -> [HTTPQueryItem]? { form(bytes[...]) }
}
