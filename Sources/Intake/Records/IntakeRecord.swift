public import Foundation
public import Domain

/// One petition taken from a sheet's row or an e-mail, before it is classified and stored.
/// A class of constants, not a struct: a record passes from the reader to the preparing threads
/// and on to the writer, and copying a struct of a dozen strings retained each of them every time
/// (a twelfth of an import's CPU went to those copies).
public final class IntakeRecord: Sendable {
    /// Where it came from, for people: "so-2026.csv:14" (line) or "hop-thu.mbox#3" (message).
    public let source: String
    /// What makes importing it twice a no-op: "mid:<Message-ID>", or "row:"/"mail:" and a SHA-256
    /// of the content.
    public let key: String
    public let text: String
    public let submitter: Submitter
    /// nil when the source gave no date: the import time is used.
    public let receivedAt: Date?
    /// Given by the sheet; nil leaves it to the classifier.
    public let kind: Kind?
    /// A topic code the sheet gave, if it is one of the taxonomy's (checked when routing).
    public let topic: String?
    public let channel: Channel
    public let residential: String?
    /// A tracking code named in an e-mail's subject: a reply about that grievance.
    public let trackingCode: TrackingCode?
    /// Message-IDs this mail answers (In-Reply-To, then References, newest first).
    public let repliesTo: [String]
    public let attachments: [Attachment]
    /// Kept with the "received" event: the source, the subject, unmapped columns.
    public let details: [String: String]
    public let origin: Origin
    /// The bytes as received (a sheet's row, a whole message) and what reading them again
    /// takes: kept so that a record refused while preparing is quarantined as it came.
    public let raw: [UInt8]
    public let quarantineOrigin: QuarantineOrigin?

    /// What the dry run shows, per source type.
    public enum Origin: Sendable {
        case sheet(SheetRow)
        case mail(MailMessage)
    }

    public init(source: String, key: String, text: String, submitter: Submitter, receivedAt: Date?, kind: Kind?,
                topic: String?, channel: Channel, residential: String? = nil, trackingCode: TrackingCode? = nil,
                repliesTo: [String] = [], attachments: [Attachment] = [], details: [String: String] = [:], origin: Origin,
                raw: [UInt8] = [], quarantineOrigin: QuarantineOrigin? = nil) {
        self.source = source
        self.key = key
        self.text = text
        self.submitter = submitter
        self.receivedAt = receivedAt
        self.kind = kind
        self.topic = topic
        self.channel = channel
        self.residential = residential
        self.trackingCode = trackingCode
        self.repliesTo = repliesTo
        self.attachments = attachments
        self.details = details
        self.origin = origin
        self.raw = raw
        self.quarantineOrigin = quarantineOrigin
    }

    /// Its key in the quarantine, had it been quarantined as it came.
    public var quarantineKey: String { Rejection.quarantineKey(source: source, raw: raw) }
}
