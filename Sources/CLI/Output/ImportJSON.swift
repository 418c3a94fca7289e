import Domain
import Intake

/// What `danvan import --dry-run` prints for each record (../shared/INTERFACES.md).
enum ImportJSON {
    struct Sheet: Encodable {
        let source: String
        let fields: [String: String]
        let extra: [String: String]
        let text: String
    }

    struct Mail: Encodable {
        struct File: Encodable {
            let name: String?
            let type: String
            let size: Int
            let sha256: String
        }

        let source: String
        let message_id: String?
        let subject: String?
        let from: String?
        let date: String?
        let text: String
        let text_from_html: Bool
        let attachments: [File]
        let in_reply_to: [String]
        let references: [String]
        let tracking_code: String?

        enum CodingKeys: String, CodingKey {
            case source, message_id, subject, from, date, text, text_from_html, attachments, in_reply_to, references,
                 tracking_code
        }

        // Every key is written, null when the message lacks it: scripts read the same shape
        // for every line (the synthesized encoding would leave absent keys out).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(source, forKey: .source)
            try container.encode(message_id, forKey: .message_id)
            try container.encode(subject, forKey: .subject)
            try container.encode(from, forKey: .from)
            try container.encode(date, forKey: .date)
            try container.encode(text, forKey: .text)
            try container.encode(text_from_html, forKey: .text_from_html)
            try container.encode(attachments, forKey: .attachments)
            try container.encode(in_reply_to, forKey: .in_reply_to)
            try container.encode(references, forKey: .references)
            try container.encode(tracking_code, forKey: .tracking_code)
        }
    }

    struct Quarantined: Encodable {
        let source: String
        let quarantined: String
    }

    /// Sheet columns that name or locate the sender.
    static let identityFields: Set<SheetField> = [.name, .address, .phone, .email, .residential]

    /// - Parameter protect: whether the record's sender is protected; then their name, address,
    ///   phone, e-mail, residential area, the sheet's other columns and their mentions in the
    ///   text are shown as `Redaction.hidden`.
    static func print(_ item: IntakeItem, protect: (IntakeRecord) -> Bool = { _ in false }) throws {
        switch item {
        case let .rejected(rejection):
            try JSONLines.print(Quarantined(source: rejection.source, quarantined: rejection.reason))
        case let .record(record):
            let hidden = protect(record)
            let text = hidden ? Redaction.scrub(record.text, protecting: record.submitter) : record.text
            switch record.origin {
            case let .sheet(row):
                var fields: [String: String] = [:]
                for (field, value) in row.fields {
                    fields[field.rawValue] = hidden && identityFields.contains(field) ? Redaction.hidden
                        : field == .text ? text : value
                }
                let extra = hidden ? row.extraByName.mapValues { _ in Redaction.hidden } : row.extraByName
                try JSONLines.print(Sheet(source: record.source, fields: fields, extra: extra, text: text))
            case let .mail(message):
                try JSONLines.print(Mail(
                    source: record.source, message_id: message.messageID, subject: hidden ? message.subject.map {
                        Redaction.scrub($0, protecting: record.submitter)
                    } : message.subject, from: hidden ? message.from.map { _ in Redaction.hidden } : message.from,
                    // The text as it will be stored: the subject, then the body.
                    date: message.date?.iso, text: text, text_from_html: message.textFromHTML,
                    attachments: message.attachments.map { Mail.File(name: $0.name, type: $0.type, size: $0.size, sha256: $0.sha256) },
                    in_reply_to: message.inReplyTo, references: message.references, tracking_code: record.trackingCode?.value))
            }
        }
    }
}
