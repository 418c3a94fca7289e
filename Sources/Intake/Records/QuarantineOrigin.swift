/// What a quarantined record needs besides its bytes to be read again by `quarantine retry`.
public enum QuarantineOrigin: Sendable {
    /// A sheet's row: its header row's bytes (UTF-8, as decoded), the delimiter and the order
    /// its date column was read in.
    case sheet(header: [UInt8], delimiter: UInt8, dateOrder: SheetDateOrder)
    /// A whole message.
    case mail
}
