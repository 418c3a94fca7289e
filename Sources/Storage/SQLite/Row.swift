/// One result row, copied out of SQLite so it outlives the statement.
public struct Row: Sendable {
    let columns: [String: Int]
    let values: [SQLValue]

    public subscript(_ index: Int) -> SQLValue { values[index] }

    public subscript(_ name: String) -> SQLValue {
        guard let index = columns[name] else { preconditionFailure("no column named \(name) in the result") }
        return values[index]
    }

    public func string(_ name: String) -> String? {
        switch self[name] {
        case let .text(s): s
        case let .integer(i): String(i)
        case let .real(d): String(d)
        case .null, .blob: nil
        }
    }

    public func int(_ name: String) -> Int? {
        switch self[name] {
        case let .integer(i): Int(i)
        case let .real(d): Int(d)
        case let .text(s): Int(s)
        case .null, .blob: nil
        }
    }

    public func double(_ name: String) -> Double? {
        switch self[name] {
        case let .real(d): d
        case let .integer(i): Double(i)
        default: nil
        }
    }
}
