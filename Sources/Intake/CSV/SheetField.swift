/// What a sheet's column means to danvan. Unmapped columns are kept with the grievance as they are.
public enum SheetField: String, Sendable, CaseIterable {
    case name, address, phone, email, text, received, kind, topic, reference, channel, residential
    /// Row numbers (STT) and the like: not part of the petition, not part of its identity.
    case ignore
}
