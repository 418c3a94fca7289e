/// The two formats the Open311 endpoints write, chosen by the resource's extension
/// (`services.xml`, `requests/K7M3Q-9TXR2.json`) as GeoReport v2 asks.
enum Open311Format: String, Sendable, CaseIterable {
    case json
    case xml

    /// GeoReport v2, "Format Support".
    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .xml: "text/xml; charset=utf-8"
        }
    }

    /// The MIME type as discovery lists it.
    var mimeType: String {
        switch self {
        case .json: "application/json"
        case .xml: "text/xml"
        }
    }

    /// "K7M3Q-9TXR2.json" → ("K7M3Q-9TXR2", .json); nil without a known extension or without a name.
    static func split(_ segment: String) -> (name: String, format: Open311Format)? {
        guard let dot = segment.lastIndex(of: "."), dot > segment.startIndex,
              let format = Open311Format(rawValue: String(segment[segment.index(after: dot)...]).lowercased()) else { return nil }
        return (String(segment[..<dot]), format)
    }

    /// The format a path asks for, JSON when it names none (for errors of paths that are not served).
    static func asked(by path: String) -> Open311Format {
        path.lowercased().hasSuffix(".xml") ? .xml : .json
    }
}
