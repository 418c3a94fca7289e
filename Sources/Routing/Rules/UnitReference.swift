/// Which unit a rule names: a fixed one, or "the local unit of this type" for the grievance's place.
public enum UnitReference: Sendable, Equatable, CustomStringConvertible {
    case fixed(String)
    case local(UnitType)

    /// "mttq-bay-hien" or "local mttq-xa".
    public init?(parsing text: String) {
        let words = text.split(separator: " ")
        if words.count == 2, words[0] == "local" {
            guard let type = UnitType(rawValue: String(words[1])) else { return nil }
            self = .local(type)
        } else if words.count == 1 {
            self = .fixed(String(words[0]))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case let .fixed(id): id
        case let .local(type): "local \(type.rawValue)"
        }
    }
}
