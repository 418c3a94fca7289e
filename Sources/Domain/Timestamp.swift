public import Foundation

/// Instants as text for machines: ISO 8601 in UTC with milliseconds ("2026-11-23T02:44:00.123Z").
/// Written by hand because it runs for every stored row and must not depend on a formatter's locale.
public enum Timestamp {
    public static func format(_ instant: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(instant, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `format`'s 24 bytes appended to a buffer: the import writes them straight into its rows.
    public static func append(_ instant: Date, to bytes: inout [UInt8]) {
        let totalMillis = Int((instant.timeIntervalSince1970 * 1000).rounded(.down))
        let millisPerDay = 86_400_000
        let dayNumber = totalMillis >= 0 ? totalMillis / millisPerDay : (totalMillis - millisPerDay + 1) / millisPerDay
        let millisOfDay = totalMillis - dayNumber * millisPerDay
        let date = LocalDate(daysSinceEpoch: dayNumber)
        let seconds = millisOfDay / 1000
        // Digits by hand: this runs for every stored row and String(format:) is slow.
        func digits(_ number: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = number
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(date.year, 4); bytes.append(UInt8(ascii: "-"))
        digits(date.month, 2); bytes.append(UInt8(ascii: "-"))
        digits(date.day, 2); bytes.append(UInt8(ascii: "T"))
        digits(seconds / 3600, 2); bytes.append(UInt8(ascii: ":"))
        digits(seconds / 60 % 60, 2); bytes.append(UInt8(ascii: ":"))
        digits(seconds % 60, 2); bytes.append(UInt8(ascii: "."))
        digits(millisOfDay % 1000, 3); bytes.append(UInt8(ascii: "Z"))
    }

    /// Parses what `format` writes, and also the form without milliseconds or with "+07:00".
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// `parse` over bytes, making no strings: stored instants are read through here.
    static func parse(bytes utf8: UnsafeBufferPointer<UInt8>) -> Date? {
        guard utf8.count >= 20, utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " "),
              let date = LocalDate.parseISO(UnsafeBufferPointer(rebasing: utf8[0..<10])) else { return nil }
        func number(_ range: Range<Int>) -> Int? { decimal(utf8, range) }
        guard utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var millis = 0
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < utf8.count, (48...57).contains(utf8[index]) {
                if digits < 3 { millis = millis * 10 + Int(utf8[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<3 where digits < 3 { millis *= 10 }
        }
        var offsetSeconds = 0
        let rest = utf8.count - index
        if rest == 1 && utf8[index] == UInt8(ascii: "Z") {
            offsetSeconds = 0
        } else if rest == 6, utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-"), utf8[index + 3] == UInt8(ascii: ":"),
                  let h = number(index + 1..<index + 3), let m = number(index + 4..<index + 6) {
            offsetSeconds = (h * 3600 + m * 60) * (utf8[index] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + Double(millis) / 1000)
    }
}
