public import Foundation
internal import Domain

/// An RFC 5322 date, "Fri, 20 Nov 2026 09:15:00 +0700", read as leniently as mail readers do:
/// no weekday, no seconds, two-digit years, obsolete zone names (GMT, EST …), comments after the zone.
public struct MailDate: Sendable, Equatable {
    public var instant: Date
    /// The sender's offset from UTC, kept to show the time as they wrote it.
    public var offsetSeconds: Int

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "ict": 7,
    ]

    public init(instant: Date, offsetSeconds: Int) {
        self.instant = instant
        self.offsetSeconds = offsetSeconds
    }

    public init?(parsing text: String) {
        // Drop comments and the weekday; split on blanks and commas.
        var cleaned = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { cleaned.append(character == "," ? " " : character) }
        }
        var tokens = cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).map { String($0).lowercased() }
        if let first = tokens.first, first.count >= 3, first.allSatisfy(\.isLetter) { tokens.removeFirst() }
        // "00:01+0000": the zone glued to the time.
        if tokens.count == 4, let sign = tokens[3].firstIndex(where: { $0 == "+" || $0 == "-" }) {
            let clock = tokens[3]
            tokens[3] = String(clock[..<sign])
            tokens.append(String(clock[sign...]))
        }
        guard tokens.count >= 4 else { return nil }
        // Day and month in either order ("20 Nov" or "Nov 20").
        var day: Int?, month: Int?
        if let d = Int(tokens[0]), let m = MailDate.month(tokens[1]) {
            (day, month) = (d, m)
        } else if let m = MailDate.month(tokens[0]), let d = Int(tokens[1]) {
            (day, month) = (d, m)
        }
        guard let day, let month, var year = Int(tokens[2]) else { return nil }
        if tokens[2].count == 2 { year += year < 50 ? 2000 : 1900 } else if tokens[2].count == 3 { year += 1900 }
        let clock = tokens[3].split(separator: ":").map { Int($0) }
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }) else { return nil }
        let hour = clock[0]!, minute = clock[1]!, second = clock.count == 3 ? clock[2]! : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (1...31).contains(day), LocalDate.plausibleYears.contains(year) else { return nil }
        var offset = 0
        if tokens.count >= 5 {
            let zone = tokens[4]
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
                offset = (value / 100 * 3600 + value % 100 * 60) * (sign == "-" ? -1 : 1)
            } else if let hours = MailDate.zones[zone] {
                offset = hours * 3600
            }
        }
        // An impossible date (30 February) is no date, as in Python's email.utils.
        guard let date = LocalDate(year: year, month: month, day: day) else { return nil }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        instant = Date(timeIntervalSince1970: Double(seconds))
        offsetSeconds = offset
    }

    private static func month(_ token: String) -> Int? {
        months.firstIndex(of: String(token.prefix(3))).map { $0 + 1 }
    }

    /// ISO 8601 in the sender's offset: "2026-11-20T09:15:00+07:00".
    public var iso: String {
        let local = Int(instant.timeIntervalSince1970) + offsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondsOfDay = local - days * 86_400
        let date = LocalDate(daysSinceEpoch: days)
        let (year, month, day) = (date.year, date.month, date.day)
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let absolute = abs(offsetSeconds)
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(secondsOfDay / 3600)):\(pad(secondsOfDay / 60 % 60)):"
            + "\(pad(secondsOfDay % 60))\(sign)\(pad(absolute / 3600)):\(pad(absolute / 60 % 60))"
    }
}
