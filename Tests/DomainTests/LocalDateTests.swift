import Foundation
import Testing
import Domain

@Suite("Dates and timestamps")
struct LocalDateTests {
    @Test("days since the epoch round-trip over four centuries")
    func roundTrip() {
        for days in stride(from: -80_000, through: 80_000, by: 37) {
            let date = LocalDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(LocalDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test("known dates, weekdays and formats")
    func knownDates() {
        let date = LocalDate(iso: "2026-02-17")!
        #expect(date.isoWeekday == 2)  // Tuesday, the first day of Tết Bính Ngọ
        #expect(date.display == "17/02/2026")
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "26-1-1") == nil)
    }

    @Test("dates as staff type them: day first with slashes, or ISO")
    func typedDates() {
        #expect(LocalDate(typed: "31/12/2026") == LocalDate(iso: "2026-12-31"))
        #expect(LocalDate(typed: "1/2/2027") == LocalDate(iso: "2027-02-01"))
        #expect(LocalDate(typed: "2026-12-31") == LocalDate(iso: "2026-12-31"))
        for bad in ["31/02/2026", "12/31/2026", "1/2/27", "+1/2/2027", "1/2/2027/", "", "31-12-2026"] {
            #expect(LocalDate(typed: bad) == nil, "\(bad)")
        }
    }

    @Test("the Vietnamese date of an instant is taken at UTC+7")
    func vietnamDate() {
        // 18:30 UTC on 23/11 is already 01:30 on 24/11 in Hà Nội.
        #expect(LocalDate(Timestamp.parse("2026-11-23T18:30:00Z")!) == LocalDate(iso: "2026-11-24"))
        #expect(LocalDate(Timestamp.parse("2026-11-23T16:59:59Z")!) == LocalDate(iso: "2026-11-23"))
    }

    @Test("timestamps format and parse with milliseconds and offsets")
    func timestamps() {
        let instant = Date(timeIntervalSince1970: 1_795_400_000.123)
        let text = Timestamp.format(instant)
        #expect(text.hasSuffix("Z") && text.contains(".123"))
        #expect(abs(Timestamp.parse(text)!.timeIntervalSince1970 - instant.timeIntervalSince1970) < 0.0005)
        #expect(Timestamp.parse("2026-11-23T09:30:00+07:00") == Timestamp.parse("2026-11-23T02:30:00Z"))
        #expect(Timestamp.parse("2026-11-23") == nil)
        #expect(Timestamp.parse("2026-11-23T25:00:00Z") == nil)
    }

    @Test("the bytes the import writes are the ISO text, also for years outside four digits")
    func isoBytes() {
        for days in stride(from: -800_000, through: 3_000_000, by: 997) {
            let date = LocalDate(daysSinceEpoch: days)
            var bytes: [UInt8] = Array("x".utf8)
            date.appendISO(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x" + date.iso, "\(days)")
        }
        var bytes: [UInt8] = []
        LocalDate(iso: "2026-02-07")!.appendISO(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "2026-02-07")
        bytes = []
        Timestamp.append(Timestamp.parse("2026-11-23T02:44:05.120Z")!, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "2026-11-23T02:44:05.120Z")
    }
}
