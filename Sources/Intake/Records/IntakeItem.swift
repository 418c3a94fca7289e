/// What a source yields: a record to import, or one to quarantine.
public enum IntakeItem: Sendable {
    case record(IntakeRecord)
    case rejected(Rejection)
}
