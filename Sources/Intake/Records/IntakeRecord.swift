public import Foundation
public import Domain

/// One petition taken from a sheet's row or an e-mail, before it is classified and stored.
public struct IntakeRecord: Sendable {
    /// Where it came from, for people: "so-2026.csv:14" (line) or "hop-thu.mbox#3" (message).
    public var source: String
    /// What makes importing it twice a no-op: "mid:<Message-ID>", or "row:"/"mail:" and a SHA-256
    /// of the content.
    public var key: String
    public var text: String
    public var submitter: Submitter
    /// nil when the source gave no date: the import time is used.
    public var receivedAt: Date?
    /// Given by the sheet; nil leaves it to the classifier.
    public var kind: Kind?
    /// A topic code the sheet gave, if it is one of the taxonomy's (checked when routing).
    public var topic: String?
    public var channel: Channel
    public var residential: String?
    /// A tracking code named in an e-mail's subject: a reply about that grievance.
    public var trackingCode: TrackingCode?
    /// Message-IDs this mail answers (In-Reply-To, then References, newest first).
    public var repliesTo: [String]
    public var attachments: [Attachment]
    /// Kept with the "received" event: the source, the subject, unmapped columns.
    public var details: [String: String]
    public var origin: Origin

    /// What the dry run shows, per source type.
    public enum Origin: Sendable {
        case sheet(SheetRow)
        case mail(MailMessage)
    }

    public init(source: String, key: String, text: String, submitter: Submitter, receivedAt: Date?, kind: Kind?,
                topic: String?, channel: Channel, residential: String? = nil, trackingCode: TrackingCode? = nil,
                repliesTo: [String] = [], attachments: [Attachment] = [], details: [String: String] = [:], origin: Origin) {
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
    }
}
