/// A legal time limit: "30 days" (calendar days) or "5 working days".
public struct Duration: Sendable, Equatable, CustomStringConvertible {
    public var days: Int
    public var working: Bool

    public init(days: Int, working: Bool) {
        self.days = days
        self.working = working
    }

    /// Parses "30 days", "5 working days", "30 ngày", "5 ngày làm việc".
    public init?(parsing text: String) {
        let words = text.split(separator: " ").map { $0.lowercased() }
        guard let first = words.first, let number = Int(first), number >= 0, number <= 3650 else { return nil }
        let rest = words.dropFirst().joined(separator: " ")
        switch rest {
        case "day", "days", "ngày": self.init(days: number, working: false)
        case "working day", "working days", "ngày làm việc": self.init(days: number, working: true)
        default: return nil
        }
    }

    /// "30 ngày" / "5 ngày làm việc", as the explanation says it.
    public var description: String { working ? "\(days) ngày làm việc" : "\(days) ngày" }
}
