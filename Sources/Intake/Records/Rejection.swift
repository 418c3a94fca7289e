/// A record that could not be taken in: it goes to the quarantine table with where it was and
/// why, and its raw bytes, so that nothing received is lost.
public struct Rejection: Sendable, Error, CustomStringConvertible {
    /// "so-2026.csv:14" or "hop-thu.mbox#3".
    public var source: String
    /// For people, naming the field when one is at fault: "field 'Ngày nhận': '31/02/2026' is not a date".
    public var reason: String
    public var raw: [UInt8]

    public init(source: String, reason: String, raw: [UInt8]) {
        self.source = source
        self.reason = reason
        self.raw = raw
    }

    public var description: String { "\(source): \(reason)" }
}
