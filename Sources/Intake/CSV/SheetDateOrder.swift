/// How a sheet's dates like 05/12/2026 are read. Vietnamese offices write day first; a sheet
/// saved by a US-locale Excel writes month first. A sheet is read month first only when its whole
/// date column says so (some date only month first can read, none only day first can read).
public enum SheetDateOrder: String, Sendable {
    case dayFirst = "day-first"
    case monthFirst = "month-first"

    var other: SheetDateOrder { self == .dayFirst ? .monthFirst : .dayFirst }

    /// What one cell says about the order: nil when it reads the same both ways, or not at all
    /// (ISO dates, 05/05/2026, words).
    static func vote(_ cell: String) -> SheetDateOrder? {
        let day = SheetDate(parsing: cell, order: .dayFirst), month = SheetDate(parsing: cell, order: .monthFirst)
        switch (day, month) {
        case (.some, nil): return .dayFirst
        case (nil, .some): return .monthFirst
        default: return nil
        }
    }

    /// The order of a column from the votes of its cells.
    struct Tally {
        var dayFirst = 0
        var monthFirst = 0

        /// Known for good once one cell reads day first only: the column is day first.
        var settled: Bool { dayFirst > 0 }

        var order: SheetDateOrder { monthFirst > 0 && dayFirst == 0 ? .monthFirst : .dayFirst }

        mutating func add(_ vote: SheetDateOrder?) {
            switch vote {
            case .dayFirst: dayFirst += 1
            case .monthFirst: monthFirst += 1
            case nil: break
            }
        }
    }
}
