internal import Presentation
internal import JSONText

/// A JSON document built in code (the OpenAPI description): objects keep their keys in the order
/// written, so the document reads as it was written.
indirect enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }

    func write(to json: inout JSONByteWriter) {
        switch self {
        case let .string(text): json.string(text)
        case let .int(value): json.int(value)
        case let .bool(value): json.bool(value)
        case .null: json.null()
        case let .array(items):
            json.raw("[")
            var first = true
            for item in items {
                json.separator(&first)
                item.write(to: &json)
            }
            json.raw("]")
        case let .object(members):
            json.raw("{")
            var first = true
            for (name, value) in members {
                json.separator(&first)
                json.string(name)
                json.raw(":")
                value.write(to: &json)
            }
            json.raw("}")
        }
    }

    /// The member `name` of an object.
    subscript(name: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == name }?.1
    }
}
