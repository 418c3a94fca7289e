internal import Domain

/// What a sheet's column means to danvan. Unmapped columns are kept with the grievance as they are.
public enum SheetField: String, Sendable, CaseIterable {
    case name, address, phone, email, text, received, kind, topic, reference, channel, residential
    /// Row numbers (STT) and the like: not part of the petition, not part of its identity.
    case ignore

    /// The longest value the field's cell may hold (the domain's limits).
    var limit: Int {
        switch self {
        case .name: FieldLimits.name
        case .address: FieldLimits.address
        case .phone: FieldLimits.phone
        case .email: FieldLimits.email
        case .text: FieldLimits.text
        case .residential: FieldLimits.residential
        case .received, .kind, .topic, .reference, .channel, .ignore: FieldLimits.other
        }
    }

    /// The field's place among the others when their names are sorted by their bytes, the order
    /// fields enter a row's identity in; an integer to compare, where a row's names would be
    /// compared as text for every row of a sheet. A test checks it against sorting the names.
    var identityRank: Int {
        switch self {
        case .address: 0
        case .channel: 1
        case .email: 2
        case .ignore: 3
        case .kind: 4
        case .name: 5
        case .phone: 6
        case .received: 7
        case .reference: 8
        case .residential: 9
        case .text: 10
        case .topic: 11
        }
    }
}
