/// Where a grievance came in. Kept for statistics and because replies go back the same way.
public enum Channel: String, CaseIterable, Codable, Sendable {
    case form
    case api
    case open311
    case csv
    case email
    case memberReport = "member-report"

    public var vietnameseName: String {
        switch self {
        case .form: "biểu mẫu"
        case .api: "API"
        case .open311: "Open311"
        case .csv: "bảng tính"
        case .email: "thư điện tử"
        case .memberReport: "đảng viên phản ánh"
        }
    }

    public static var allCodes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
