internal import HTTP
internal import JSONText

/// A GeoReport v2 answer written once for both formats: the spec defines the XML and derives
/// the JSON by the Spark convention (the root element dropped; a list element becomes an array
/// of its items; an empty element null), so one tree gives both and they cannot disagree.
indirect enum Open311Value: Sendable {
    /// Text, or an empty element / null.
    case text(String?)
    case bool(Bool)
    case integer(Int)
    /// Child elements in order / an object.
    case fields([Field])
    /// Repeated `item` elements / an array.
    case list(item: String, [Open311Value])

    struct Field: Sendable {
        var name: String
        var value: Open311Value

        init(_ name: String, _ value: Open311Value) {
            self.name = name
            self.value = value
        }
    }

    /// The answer in `format`, with the document's root element named `root` (XML only).
    func response(root: String, format: Open311Format, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: headers, body: format == .json ? json() : xml(root: root))
        response.headers["Content-Type"] = format.contentType
        return response
    }

    func json() -> [UInt8] {
        var writer = JSONByteWriter(capacity: 1024)
        write(to: &writer)
        return writer.bytes
    }

    func xml(root: String) -> [UInt8] {
        var writer = XMLWriter()
        write(root, to: &writer)
        return writer.bytes
    }

    private func write(to json: inout JSONByteWriter) {
        switch self {
        case let .text(text): json.string(text)
        case let .bool(value): json.bool(value)
        case let .integer(value): json.int(value)
        case let .fields(fields):
            json.raw("{")
            var first = true
            for field in fields {
                json.separator(&first)
                json.string(field.name)
                json.raw(":")
                field.value.write(to: &json)
            }
            json.raw("}")
        case let .list(_, items):
            json.raw("[")
            var first = true
            for item in items {
                json.separator(&first)
                item.write(to: &json)
            }
            json.raw("]")
        }
    }

    private func write(_ name: String, to xml: inout XMLWriter) {
        switch self {
        case let .text(text): xml.element(name, text)
        case let .bool(value): xml.element(name, value ? "true" : "false")
        case let .integer(value): xml.element(name, String(value))
        case let .fields(fields):
            xml.open(name)
            for field in fields { field.value.write(field.name, to: &xml) }
            xml.close(name)
        case let .list(item, items):
            xml.open(name)
            for value in items { value.write(item, to: &xml) }
            xml.close(name)
        }
    }
}
