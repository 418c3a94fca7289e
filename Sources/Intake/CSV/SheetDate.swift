public import Foundation
public import Domain

/// A date (and maybe a time) from a sheet's cell, as Vietnamese offices write them: dd/mm/yyyy,
/// d/m/yy, dd-mm-yyyy, dd.mm.yyyy, optionally followed by HH:MM[:SS], ISO 8601, or Excel's serial
/// day number. Times without a zone are Vietnam's (UTC+7).
public struct SheetDate: Sendable, Equatable {
    public var date: LocalDate
    /// Seconds after midnight, when the cell had a time.
    public var secondsOfDay: Int?

    /// The instant, at midnight in Vietnam when no time was given.
    public var instant: Date {
        let seconds = date.daysSinceEpoch * 86_400 + (secondsOfDay ?? 0) - LocalDate.vietnamUTCOffsetSeconds
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// "2026-11-20", or "2026-11-20T08:30:00+07:00" with a time.
    public var iso: String {
        guard let seconds = secondsOfDay else { return date.iso }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.iso)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))+07:00"
    }

    public init(date: LocalDate, secondsOfDay: Int? = nil) {
        self.date = date
        self.secondsOfDay = secondsOfDay
    }

    /// nil when the cell is not a real date in `order` (31/02/2026; 12/25/2026 day first; words)
    /// or its year is not plausible (`LocalDate.plausibleYears`: 31/12/9999 is a typing error).
    public init?(parsing cell: String, order: SheetDateOrder = .dayFirst) {
        guard let parsed = SheetDate(reading: cell, order: order), parsed.date.isPlausible else { return nil }
        self = parsed
    }

    private static func excelSerial(_ text: String) -> SheetDate? {
        let pieces = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false) }
        guard (1...2).contains(pieces.count), pieces[0].count == 5, pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let day = Int(pieces[0]), (20_000...80_000).contains(day), let epoch = LocalDate(year: 1899, month: 12, day: 30) else {
            return nil
        }
        guard pieces.count == 2 else { return SheetDate(date: epoch.adding(days: day)) }
        guard pieces[1].count <= 15, pieces[1].allSatisfy(\.isNumber), let fraction = Double("0." + pieces[1]) else { return nil }
        let seconds = Int((fraction * 86_400).rounded())
        // A fraction that rounds to a whole day is the next midnight.
        if seconds >= 86_400 { return SheetDate(date: epoch.adding(days: day + 1), secondsOfDay: 0) }
        return SheetDate(date: epoch.adding(days: day), secondsOfDay: seconds)
    }

    private init?(reading cell: String, order: SheetDateOrder) {
        let text = cell.trimmedWhitespace
        if let instant = Timestamp.parse(text) {
            // A full ISO 8601 instant: keep it, shown in Vietnam time.
            let local = Int(instant.timeIntervalSince1970) + LocalDate.vietnamUTCOffsetSeconds
            let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            self.init(date: LocalDate(daysSinceEpoch: days), secondsOfDay: local - days * 86_400)
            return
        }
        // Date part and optional time part, separated by a space or 'T'.
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard let first = parts.first, parts.count <= 2 else { return nil }
        var seconds: Int?
        if parts.count == 2 {
            let pieces = parts[1].split(separator: ":").map { Int($0) }
            guard (2...3).contains(pieces.count), pieces.allSatisfy({ $0 != nil }) else { return nil }
            let h = pieces[0]!, m = pieces[1]!, s = pieces.count == 3 ? pieces[2]! : 0
            guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
            seconds = h * 3600 + m * 60 + s
        }
        // A date cell saved without its format is Excel's serial number: days since 30/12/1899
        // (20000 is 1954, 80000 is 2119), the fraction the time of day ("45000.5" is noon; a
        // Vietnamese-locale Excel writes "45000,5").
        if parts.count == 1, let serial = SheetDate.excelSerial(first) {
            self = serial
            return
        }
        if let iso = LocalDate(iso: first) {
            self.init(date: iso, secondsOfDay: seconds)
            return
        }
        let numbers = first.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard numbers.count == 3, numbers.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let a = Int(numbers[0]), let b = Int(numbers[1]), var year = Int(numbers[2]) else { return nil }
        if numbers[2].count == 2 {
            // As POSIX strptime reads %y: 69–99 are 1969–1999, 00–68 are 2000–2068 ("15/03/98" is 1998).
            year += year >= 69 ? 1900 : 2000
        } else if numbers[2].count != 4 {
            return nil
        }
        // Never guessed per cell: 12/25/2026 in a day-first sheet is an error, not 25 December
        // (the sheet decides its order from the whole column: `SheetDateOrder`).
        let (day, month) = order == .dayFirst ? (a, b) : (b, a)
        guard let date = LocalDate(year: year, month: month, day: day) else { return nil }
        self.init(date: date, secondsOfDay: seconds)
    }
}
