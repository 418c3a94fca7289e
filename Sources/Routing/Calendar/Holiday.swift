public import Domain

/// A day off, with the name people know it by.
public struct Holiday: Sendable, Equatable, Comparable {
    public var date: LocalDate
    public var name: String

    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }

    public static func < (a: Holiday, b: Holiday) -> Bool { (a.date, a.name) < (b.date, b.name) }
}
