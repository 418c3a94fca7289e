/// Any JSON value, decoded for comparing two documents value by value.
enum JSONTree: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let value = try? c.decode(Bool.self) { self = .bool(value) }
        else if let value = try? c.decode(Double.self) { self = .number(value) }
        else if let value = try? c.decode(String.self) { self = .string(value) }
        else if let value = try? c.decode([JSONTree].self) { self = .array(value) }
        else { self = .object(try c.decode([String: JSONTree].self)) }
    }

    var description: String {
        switch self {
        case .null: "null"
        case let .bool(b): "\(b)"
        case let .number(n): "\(n)"
        case let .string(s): "\"\(s)\""
        case let .array(a): "[\(a.map(\.description).joined(separator: ","))]"
        case let .object(o): "{\(o.keys.sorted().map { "\"\($0)\":\(o[$0]!)" }.joined(separator: ","))}"
        }
    }
}
