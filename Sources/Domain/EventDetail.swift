/// What an event's details may show of a protected submitter, key by key. A key this table does
/// not know is treated as naming them, so a detail added later hides by default instead of leaking.
public enum EventDetail {
    public enum Sensitivity: Sendable, Equatable {
        /// Codes, dates, units, counts: nothing of the submitter.
        case plain
        /// Free text that may quote them (a letter, a subject, an explanation): shown with their
        /// name, address, phone and numbers replaced.
        case quotes
        /// Names or points at them (a mail's sender, a sheet's other columns): hidden whole.
        case identifies
    }

    static let known: [String: Sensitivity] = [
        "channel": .plain, "kind": .plain, "old_kind": .plain, "topic": .plain, "old_topic": .plain, "kind_suggested": .plain,
        "lead_unit": .plain, "coordinating_units": .plain, "unit": .plain, "authority": .plain, "merged_into": .plain,
        "rule": .plain, "rules_version": .plain, "due_accept": .plain, "due_resolve": .plain, "previous_due_resolve": .plain,
        "authority_due": .plain, "paused_days": .plain, "days": .plain, "source": .plain,
        GrievanceDraft.controlCharactersDetail: .plain,
        "explanation": .quotes, "kind_explanation": .quotes, "override_conflict": .quotes, "text": .quotes, "subject": .quotes,
        "attachments": .quotes, "reference": .quotes, "topic as written": .quotes, "channel as written": .quotes,
        "from": .identifies, "message_id": .identifies,
    ]

    public static func sensitivity(of key: String) -> Sensitivity {
        known[key] ?? .identifies
    }
}
