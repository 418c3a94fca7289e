/// Why a transition was refused, in words a registrar can act on.
public enum TransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAllowed(from: Status, to: Status, allowed: [Status])
    case missing(field: String, to: Status, why: String)
    case mergeIntoItself(TrackingCode)

    public var description: String {
        switch self {
        case let .notAllowed(from, to, allowed):
            let next = allowed.isEmpty ? "none" : allowed.map(\.rawValue).joined(separator: ", ")
            return "status: cannot go from \(from.rawValue) (\(from.vietnameseName)) to \(to.rawValue) (\(to.vietnameseName)); "
                + "from \(from.rawValue) the allowed statuses are: \(next)"
        case let .missing(field, to, why):
            return "\(field): required to move to \(to.rawValue) (\(to.vietnameseName)): \(why)"
        case let .mergeIntoItself(code):
            return "merged-into: \(code) cannot be merged into itself"
        }
    }
}
