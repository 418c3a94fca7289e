/// Where a grievance stands in its lifecycle. The allowed moves between them are in `Lifecycle`.
public enum Status: String, CaseIterable, Codable, Sendable {
    case received
    case triage
    case assigned
    /// Thụ lý: the lead unit has formally accepted the matter; the resolution clock runs from here.
    case accepted
    case inProgress = "in-progress"
    /// Waiting for the citizen to supply something; the resolution clock is paused.
    case waitingForCitizen = "waiting-for-citizen"
    case resolved
    case closed
    case rejected
    /// Handed to another unit or to an external authority that has its own legal deadline.
    case transferred
    /// A duplicate folded into another grievance.
    case merged
    case reopened

    public var vietnameseName: String {
        switch self {
        case .received: "mới tiếp nhận"
        case .triage: "chờ phân loại"
        case .assigned: "đã giao"
        case .accepted: "đã thụ lý"
        case .inProgress: "đang giải quyết"
        case .waitingForCitizen: "chờ công dân bổ sung"
        case .resolved: "đã giải quyết"
        case .closed: "đã kết thúc"
        case .rejected: "đã từ chối"
        case .transferred: "đã chuyển"
        case .merged: "đã gộp"
        case .reopened: "đã mở lại"
        }
    }

    /// Whether the resolution clock runs in this state (for overdue lists and reminders).
    public var isOpen: Bool {
        switch self {
        case .resolved, .closed, .rejected, .merged: false
        default: true
        }
    }

    public static var allCodes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
