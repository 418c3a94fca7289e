public import Domain

/// Errors of the grievance store that a caller can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(TrackingCode)
    case corruptRow(table: String, id: Int64, field: String)
    case mergeTargetMissing(TrackingCode)
    /// The target was itself merged: merging into it would chain duplicates, or close a circle
    /// in which nothing stays open.
    case mergeTargetMerged(TrackingCode, into: TrackingCode?)

    public var description: String {
        switch self {
        case let .notFound(code): "code: không có đơn nào mã \(code)"
        case let .corruptRow(table, id, field): "\(table) row \(id): trường \(field) có giá trị chương trình không đọc được (field \(field) holds a value this program cannot read)"
        case let .mergeTargetMissing(code): "into: không có đơn nào mã \(code) để gộp vào"
        case let .mergeTargetMerged(code, into):
            "into: đơn \(code) đã được gộp vào đơn khác" + (into.map { "; hãy gộp vào đơn \($0)" } ?? "")
        }
    }
}
