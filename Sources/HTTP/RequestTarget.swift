/// An origin-form request target (`/path?query`) split and percent-decoded; nil when it is not one.
struct RequestTarget {
    let path: String
    let segments: [String]
    let query: [HTTPQueryItem]

    init?(_ target: String) {
        let bytes = Array(target.utf8)
        // Origin-form only: absolute-form, authority-form and `*` are refused by the caller's 400.
        guard bytes.first == UInt8(ascii: "/") else { return nil }
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "#") }) else { return nil }
        let queryStart = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.endIndex
        let rawPath = bytes[..<queryStart]
        guard let path = PercentEncoding.decode(rawPath, plusAsSpace: false) else { return nil }
        var segments: [String] = []
        for raw in rawPath.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let segment = PercentEncoding.decode(raw, plusAsSpace: false) else { return nil }
            segments.append(segment)
        }
        var query: [HTTPQueryItem] = []
        if queryStart < bytes.endIndex {
            guard let items = HTTPQueryItem.form(bytes[(queryStart + 1)...]) else { return nil }
            query = items
        }
        self.path = path
        self.segments = segments
        self.query = query
    }
}
