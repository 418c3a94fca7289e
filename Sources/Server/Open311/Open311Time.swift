internal import Foundation
internal import Domain

/// Dates as GeoReport v2 writes and reads them: the W3C profile of ISO 8601 with the offset
/// (here Vietnam's, +07:00, whole seconds: "2026-11-23T09:44:00+07:00").
enum Open311Time {
    static func format(_ instant: Date) -> String {
        let seconds = Int((instant.timeIntervalSince1970).rounded(.down)) + LocalDate.vietnamUTCOffsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let ofDay = seconds - days * 86_400
        return LocalDate(daysSinceEpoch: days).iso + "T" + two(ofDay / 3600) + ":" + two(ofDay / 60 % 60) + ":" + two(ofDay % 60)
            + "+07:00"
    }

    /// A deadline day as an instant: its last second in Vietnam (the work is due by the end of it).
    static func endOfDay(_ day: LocalDate) -> String {
        day.iso + "T23:59:59+07:00"
    }

    /// A W3C date-time with its offset ("2010-01-01T00:00:00Z", "…+07:00", fractions allowed), or
    /// a date alone (its start in Vietnam). An unencoded "+" of a query string arrives as a space
    /// and is read back as "+".
    static func parse(_ text: String) -> Date? {
        let text = text.count > 19 ? String(text.prefix(19)) + text.dropFirst(19).replacingOccurrences(of: " ", with: "+") : text
        if let instant = Timestamp.parse(text) { return instant }
        if text.count == 10, let day = LocalDate(iso: text) { return day.startInVietnam }
        return nil
    }

    private static func two(_ number: Int) -> String {
        number < 10 ? "0" + String(number) : String(number)
    }
}
