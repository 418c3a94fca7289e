public import Foundation
public import Domain
internal import Storage
internal import VietText

extension Casework {
    /// A quarantined record as the desk sees it: where it came from, why, and its start.
    public struct QuarantinePreview: Sendable, Equatable {
        public var id: Int64
        public var source: String
        public var reason: String
        public var preview: String
    }

    /// What the desk sees of the quarantine: rows with personal data that are not grievances yet.
    /// A record that reads as a denunciation is "(bảo mật)" unless an admin asks to see it
    /// (audited); in every other preview, phone-like and ID-card-like numbers are hidden.
    public func quarantine(previewLength: Int, reveal: Bool, as principal: Principal,
                           at instant: Date) throws -> [QuarantinePreview] {
        try checkImport(as: principal)
        if reveal { try require(access.canSeeIdentity(as: principal, granted: false), "xem nguyên văn hàng cách ly", principal) }
        return try database.write { connection in
            let records = try IntakeLedger.quarantined(previewBytes: previewLength * 4, in: connection)
            try AccountStore.record(AuditEntry(at: instant, login: principal.login, action: reveal ? "quarantine-reveal" : "quarantine-list",
                                               detail: "\(records.count) hàng"), in: connection)
            return records.map { record in
                var text = ControlCharacters.cleaning(String(decoding: record.raw, as: UTF8.self), singleLine: true).text
                if !reveal {
                    let folded = " " + VietText.fold(text) + " "
                    text = folded.contains(" to cao ") || folded.contains(" to giac ")
                        ? Redaction.hidden + " (có dấu hiệu tố cáo)" : Redaction.scrub(text, protecting: Submitter())
                }
                let preview = text.count > previewLength ? String(text.prefix(previewLength - 1)) + "…" : text
                return QuarantinePreview(id: record.id, source: record.source, reason: record.reason, preview: preview)
            }
        }
    }
}
