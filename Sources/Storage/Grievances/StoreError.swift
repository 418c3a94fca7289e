public import Domain

/// Errors of the grievance store that a caller can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(TrackingCode)
    case corruptRow(table: String, id: Int64, field: String)
    case mergeTargetMissing(TrackingCode)

    public var description: String {
        switch self {
        case let .notFound(code): "tracking code: không có đơn nào mã \(code)"
        case let .corruptRow(table, id, field): "\(table) row \(id): trường \(field) có giá trị chương trình không đọc được (field \(field) holds a value this program cannot read)"
        case let .mergeTargetMissing(code): "merged-into: không có đơn nào mã \(code) để gộp vào"
        }
    }
}
