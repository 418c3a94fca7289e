public import Foundation

/// A calendar date without a time of day, as deadlines are set in law ("within 30 days").
/// ISO 8601 ("2026-12-07") for machines, dd/mm/yyyy for people.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact.
    public static let vietnamUTCOffsetSeconds = 7 * 3600

    /// Years a date people give (received, an authority's deadline) may have. Anything else is a
    /// typing error ("31/12/9999", "1/1/0001"), and a deadline counted from it could pass 9999,
    /// which ISO 8601's four digits cannot write.
    public static let plausibleYears = 1900...2199

    /// "năm 1900–2199", for the messages that refuse a date outside `plausibleYears`.
    public static let plausibleYearsText = "năm \(plausibleYears.lowerBound)–\(plausibleYears.upperBound)"

    public var isPlausible: Bool { LocalDate.plausibleYears.contains(year) }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "2026-12-07".
    public init?(iso: String) {
        var iso = iso
        guard let parsed = iso.withUTF8({ LocalDate.parseISO($0) }) else { return nil }
        self = parsed
    }

    /// "yyyy-mm-dd" from bytes, without making strings (every stored date is read through here).
    static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        guard let y = decimal(bytes, 0..<4), let m = decimal(bytes, 5..<7), let d = decimal(bytes, 8..<10) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// Parses a date as staff type it: "31/12/2026" or "1/2/2027" (day first, as Vietnamese
    /// writes dates), or ISO "2026-12-31".
    public init?(typed text: String) {
        if let iso = LocalDate(iso: text) {
            self = iso
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { "0"..."9" ~= $0 } }),
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// How `init(typed:)` reads dates, for messages.
    public static let typedFormats = "dd/mm/yyyy hoặc yyyy-mm-dd"

    /// The date in Vietnam at the given instant.
    public init(_ instant: Date, utcOffsetSeconds: Int = LocalDate.vietnamUTCOffsetSeconds) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.init(daysSinceEpoch: days)
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days).
    public init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The instant this day begins in Vietnam (midnight, UTC+7).
    public var startInVietnam: Date {
        Date(timeIntervalSince1970: Double(daysSinceEpoch * 86_400 - LocalDate.vietnamUTCOffsetSeconds))
    }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        let w = (daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public var iso: String { LocalDate.digits(year, 4) + "-" + LocalDate.digits(month, 2) + "-" + LocalDate.digits(day, 2) }

    /// `iso`'s bytes appended to a buffer: the import writes its deadlines straight into its rows.
    public func appendISO(to bytes: inout [UInt8]) {
        guard (0...9999).contains(year) else { return bytes.append(contentsOf: iso.utf8) }
        func put(_ number: Int, _ divisor: Int) {
            var divisor = divisor
            while divisor > 0 {
                bytes.append(UInt8(48 + number / divisor % 10))
                divisor /= 10
            }
        }
        put(year, 1000); bytes.append(UInt8(ascii: "-"))
        put(month, 10); bytes.append(UInt8(ascii: "-"))
        put(day, 10)
    }

    /// dd/mm/yyyy, the way people in Vietnam write dates.
    public var display: String {
        // Digits by hand: String(format:) and concatenation are slow, and this runs for every routed grievance.
        guard (0...9999).contains(year) else { return LocalDate.digits(day, 2) + "/" + LocalDate.digits(month, 2) + "/" + String(year) }
        return String(unsafeUninitializedCapacity: 10) { out in
            func put(_ number: Int, at start: Int, width: Int) {
                var rest = number
                for index in stride(from: start + width - 1, through: start, by: -1) {
                    out[index] = UInt8(48 + rest % 10)
                    rest /= 10
                }
            }
            put(day, at: 0, width: 2)
            out[2] = UInt8(ascii: "/")
            put(month, at: 3, width: 2)
            out[5] = UInt8(ascii: "/")
            put(year, at: 6, width: 4)
            return 10
        }
    }

    /// Zero-padded digits.
    static func digits(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return text.utf8.count >= width ? text : String(repeating: "0", count: width - text.utf8.count) + text
    }
    public var description: String { iso }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected a date like 2026-12-07, got \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

/// The number the ASCII digits at `range` of `bytes` write; nil if one is not a digit or the range
/// runs past the end. Dates and instants are read through here without making strings.
func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    guard range.upperBound <= bytes.count else { return nil }
    var value = 0
    for index in range {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
    }
    return value
}
