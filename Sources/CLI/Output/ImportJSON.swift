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
    }

    struct Quarantined: Encodable {
        let source: String
        let quarantined: String
    }

    static func print(_ item: IntakeItem) throws {
        switch item {
        case let .rejected(rejection):
            try JSONLines.print(Quarantined(source: rejection.source, quarantined: rejection.reason))
        case let .record(record):
            switch record.origin {
            case let .sheet(row):
                var fields: [String: String] = [:]
                for (field, value) in row.fields { fields[field.rawValue] = value }
                var extra: [String: String] = [:]
                for (header, value) in row.extra { extra[header] = value }
                try JSONLines.print(Sheet(source: record.source, fields: fields, extra: extra, text: record.text))
            case let .mail(message):
                try JSONLines.print(Mail(
                    source: record.source, message_id: message.messageID, subject: message.subject, from: message.from,
                    date: message.date?.iso, text: message.text, text_from_html: message.textFromHTML,
                    attachments: message.attachments.map { Mail.File(name: $0.name, type: $0.type, size: $0.size, sha256: $0.sha256) },
                    in_reply_to: message.inReplyTo, references: message.references, tracking_code: record.trackingCode?.value))
            }
        }
    }
}
