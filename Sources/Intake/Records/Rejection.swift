import Secrets

/// A record that could not be taken in: it goes to the quarantine table with where it was and
/// why, and its raw bytes, so that nothing received is lost.
public struct Rejection: Sendable, Error, CustomStringConvertible {
    /// "so-2026.csv:14" or "hop-thu.mbox#3".
    public var source: String
    /// For people, naming the column when one is at fault: "cột 'Ngày nhận': '31/02/2026' không phải ngày hợp lệ …".
    public var reason: String
    public var raw: [UInt8]
    /// What reading it again takes (nil: it cannot be retried).
    public var origin: QuarantineOrigin?

    public init(source: String, reason: String, raw: [UInt8], origin: QuarantineOrigin? = nil) {
        self.source = source
        self.reason = reason
        self.raw = raw
        self.origin = origin
    }

    public var description: String { "\(source): \(reason)" }

    /// The quarantine's key: where the record was and its bytes, not the wording of the reason,
    /// so importing a file again after a message was reworded quarantines nothing twice.
    public var quarantineKey: String {
        Rejection.quarantineKey(source: source, raw: raw)
    }

    public static func quarantineKey(source: String, raw: [UInt8]) -> String {
        Digest.sha256Hex(Array(source.utf8) + [0x1F] + raw)
    }
}
