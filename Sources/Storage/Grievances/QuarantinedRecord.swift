/// A row of the quarantine table: what could not be taken in, where it was, why, and what it
/// takes to read it again.
public struct QuarantinedRecord: Sendable {
    public var id: Int64
    public var source: String
    public var reason: String
    public var raw: [UInt8]
    /// "csv" or "mail"; nil for records quarantined before schema version 8.
    public var format: String?
    /// A sheet row's header row, delimiter and date order ("day-first", "month-first").
    public var header: [UInt8]?
    public var delimiter: UInt8?
    public var dateOrder: String?

    public init(id: Int64, source: String, reason: String, raw: [UInt8], format: String? = nil, header: [UInt8]? = nil,
                delimiter: UInt8? = nil, dateOrder: String? = nil) {
        self.id = id
        self.source = source
        self.reason = reason
        self.raw = raw
        self.format = format
        self.header = header
        self.delimiter = delimiter
        self.dateOrder = dateOrder
    }
}
