/// What reading a quarantined record again takes: its bytes as received, where it came from,
/// and how its file was read (a sheet's header row, delimiter and date order; or that it is a mail).
public struct RereadRecord: Sendable {
    public var source: String
    public var raw: [UInt8]
    /// "csv" or "mail"; nil when nothing was kept to read it again with.
    public var format: String?
    public var header: [UInt8]?
    public var delimiter: UInt8?
    /// "day-first" or "month-first".
    public var dateOrder: String?

    public init(source: String, raw: [UInt8], format: String?, header: [UInt8]?, delimiter: UInt8?, dateOrder: String?) {
        self.source = source
        self.raw = raw
        self.format = format
        self.header = header
        self.delimiter = delimiter
        self.dateOrder = dateOrder
    }
}
