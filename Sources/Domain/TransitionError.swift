/// Why a transition was refused, in words a registrar can act on: Vietnamese, with the status
/// ids the command line and the API take in parentheses.
public enum TransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAllowed(from: Status, to: Status, allowed: [Status])
    case missing(field: String, to: Status, why: String)
    case mergeIntoItself(TrackingCode)
    /// The authority's deadline falls before the grievance was received: a typing error.
    case authorityDueBeforeReceipt(LocalDate, received: LocalDate)
    /// An extension asked for before the unit accepted the grievance.
    case extensionBeforeAcceptance(Status)

    public var description: String {
        switch self {
        case let .notAllowed(from, to, allowed):
            let next = allowed.isEmpty ? "không có" : allowed.map { "“\($0.vietnameseName)” (\($0.rawValue))" }.joined(separator: ", ")
            return "status: không thể chuyển từ “\(from.vietnameseName)” (\(from.rawValue)) sang “\(to.vietnameseName)” (\(to.rawValue)); "
                + "từ “\(from.vietnameseName)” chỉ được chuyển sang: \(next)"
        case let .missing(field, to, why):
            return "\(field): bắt buộc khi chuyển sang “\(to.vietnameseName)” (\(to.rawValue)): \(why)"
        case let .mergeIntoItself(code):
            return "into: không thể gộp đơn \(code) vào chính nó"
        case let .authorityDueBeforeReceipt(due, received):
            return "authority-due: hạn của cơ quan có thẩm quyền (\(due.display)) trước ngày nhận đơn (\(received.display))"
        case let .extensionBeforeAcceptance(status):
            return "code: đơn đang “\(status.vietnameseName)” (\(status.rawValue)); chỉ gia hạn giải quyết sau khi đã thụ lý "
                + "(accepted), vì thời hạn giải quyết tính từ ngày thụ lý"
        }
    }
}
