public import Foundation
public import Domain
public import Intake
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

extension Casework {
    /// Reads quarantined records again (one by `id`, or all) as an import would, under their
    /// original sources; what is taken in leaves the quarantine. The desk and admins only.
    public func retryQuarantine(id: Int64?, mapping: HeaderMapping, routing: GrievanceRouting, as principal: Principal) throws -> ImportSummary {
        try checkImport(as: principal)
        let records = try database.read { try IntakeLedger.quarantined(ids: id.map { [$0] }, in: $0) }
        if let id, records.isEmpty {
            throw FieldError(field: "id", message: "không có bản ghi bị cách ly số \(id)")
        }
        let importer = Importer(database: database, routing: routing, actor: principal.login, retrying: true,
                                newCode: Casework.newTrackingCode)
        let reread = records.map { RereadRecord(source: $0.source, raw: $0.raw, format: $0.format, header: $0.header,
                                                delimiter: $0.delimiter, dateOrder: $0.dateOrder) }
        return try importer.run([QuarantineRetrySource(reread, mapping: mapping)])
    }
}
