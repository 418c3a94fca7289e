public import Domain

/// Which grievances a list shows.
public struct GrievanceFilter: Sendable {
    public var status: Status?
    /// Lead or coordinating unit.
    public var unit: String?
    public var limit: Int

    public init(status: Status? = nil, unit: String? = nil, limit: Int = 1000) {
        self.status = status
        self.unit = unit
        self.limit = limit
    }
}
