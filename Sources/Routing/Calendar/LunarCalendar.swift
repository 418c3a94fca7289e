import Foundation
public import Domain

/// Converts between the Gregorian and the Vietnamese lunisolar calendar.
///
/// Follows the method Hồ Ngọc Đức published ("Thuật toán tính âm lịch"): months start on the day
/// of the astronomical new moon and the 11th month contains the winter solstice, both reckoned
/// at UTC+7. That time zone is why Vietnam's Tết differs from China's (UTC+8) in some years
/// (1985, 2007, 2030). Valid for the Gregorian era; the tests pin 1968–2099.
public enum LunarCalendar {
    public static let vietnamTimeZoneHours = 7.0

    /// Julian day number of a civil date.
    static func julianDay(_ date: LocalDate) -> Int { date.daysSinceEpoch + 2_440_588 }

    static func date(julianDay: Int) -> LocalDate { LocalDate(daysSinceEpoch: julianDay - 2_440_588) }

    /// The instant (Julian date, UT) of the k-th new moon after the one of 1900-01-01.
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t, t3 = t2 * t
        let rad = Double.pi / 180
        var jd = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * rad)
        let sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        // Periodic terms of the new moon's true time, one per line.
        let terms: [Double] = [
            (0.1734 - 0.000393 * t) * sin(sunAnomaly * rad),
            0.0021 * sin(2 * rad * sunAnomaly),
            -0.4068 * sin(moonAnomaly * rad),
            0.0161 * sin(rad * 2 * moonAnomaly),
            -0.0004 * sin(rad * 3 * moonAnomaly),
            0.0104 * sin(rad * 2 * latitude),
            -0.0051 * sin(rad * (sunAnomaly + moonAnomaly)),
            -0.0074 * sin(rad * (sunAnomaly - moonAnomaly)),
            0.0004 * sin(rad * (2 * latitude + sunAnomaly)),
            -0.0004 * sin(rad * (2 * latitude - sunAnomaly)),
            -0.0006 * sin(rad * (2 * latitude + moonAnomaly)),
            0.0010 * sin(rad * (2 * latitude - moonAnomaly)),
            0.0005 * sin(rad * (2 * moonAnomaly + sunAnomaly)),
        ]
        let correction = terms.reduce(0, +)
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd + correction - deltaT
    }

    /// The local day (Julian day number) on which the k-th new moon falls.
    static func newMoonDay(_ k: Int, timeZone: Double) -> Int {
        Int((newMoon(k) + 0.5 + timeZone / 24).rounded(.down))
    }

    /// The sun's apparent longitude in radians at a Julian date (UT), in [0, 2π).
    static func sunLongitude(_ jd: Double) -> Double {
        let t = (jd - 2_451_545.0) / 36525
        let t2 = t * t
        let rad = Double.pi / 180
        let meanAnomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(rad * meanAnomaly)
        centre += (0.019993 - 0.000101 * t) * sin(rad * 2 * meanAnomaly) + 0.000290 * sin(rad * 3 * meanAnomaly)
        var longitude = (meanLongitude + centre) * rad
        longitude -= 2 * .pi * (longitude / (2 * .pi)).rounded(.down)
        return longitude
    }

    /// Which of the 12 major solar terms (30° sectors) the sun is in at the start of a local day.
    static func solarTermSector(dayNumber: Int, timeZone: Double) -> Int {
        Int((sunLongitude(Double(dayNumber) - 0.5 - timeZone / 24) / .pi * 6).rounded(.down))
    }

    /// The first day of the 11th lunar month of Gregorian year `year` (the month holding the solstice).
    static func month11Start(year: Int, timeZone: Double) -> Int {
        let offset = julianDay(LocalDate(year: year, month: 12, day: 31)!) - 2_415_021
        let k = Int((Double(offset) / 29.530588853).rounded(.down))
        let start = newMoonDay(k, timeZone: timeZone)
        // Past the solstice sector (270°) means this new moon starts month 12: take the one before.
        return solarTermSector(dayNumber: start, timeZone: timeZone) >= 9 ? newMoonDay(k - 1, timeZone: timeZone) : start
    }

    /// In a 13-month year starting at month 11 `a11`, the index of the first month without a major
    /// solar term: that month is the leap month.
    static func leapMonthOffset(month11Start a11: Int, timeZone: Double) -> Int {
        let k = Int((Double(a11) - 2_415_021.076998695) / 29.530588853 + 0.5)
        var index = 1
        var sector = solarTermSector(dayNumber: newMoonDay(k + index, timeZone: timeZone), timeZone: timeZone)
        var previous = -1
        repeat {
            previous = sector
            index += 1
            sector = solarTermSector(dayNumber: newMoonDay(k + index, timeZone: timeZone), timeZone: timeZone)
        } while sector != previous && index < 14
        return index - 1
    }

    public static func lunarDate(of date: LocalDate, timeZone: Double = vietnamTimeZoneHours) -> LunarDate {
        let dayNumber = julianDay(date)
        let k = Int((Double(dayNumber) - 2_415_021.076998695) / 29.530588853)
        var monthStart = newMoonDay(k + 1, timeZone: timeZone)
        if monthStart > dayNumber { monthStart = newMoonDay(k, timeZone: timeZone) }
        var a11 = month11Start(year: date.year, timeZone: timeZone)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = date.year
            a11 = month11Start(year: date.year - 1, timeZone: timeZone)
        } else {
            lunarYear = date.year + 1
            b11 = month11Start(year: date.year + 1, timeZone: timeZone)
        }
        let day = dayNumber - monthStart + 1
        let diff = (monthStart - a11) / 29
        var month = diff + 11
        var isLeap = false
        if b11 - a11 > 365 {
            let leapDiff = leapMonthOffset(month11Start: a11, timeZone: timeZone)
            if diff >= leapDiff {
                month = diff + 10
                isLeap = diff == leapDiff
            }
        }
        if month > 12 { month -= 12 }
        if month >= 11 && diff < 4 { lunarYear -= 1 }
        return LunarDate(day: day, month: month, year: lunarYear, isLeapMonth: isLeap)
    }

    /// The Gregorian date of a lunar date; nil when the leap month asked for does not exist that year.
    public static func solarDate(of lunar: LunarDate, timeZone: Double = vietnamTimeZoneHours) -> LocalDate? {
        let a11: Int, b11: Int
        if lunar.month < 11 {
            a11 = month11Start(year: lunar.year - 1, timeZone: timeZone)
            b11 = month11Start(year: lunar.year, timeZone: timeZone)
        } else {
            a11 = month11Start(year: lunar.year, timeZone: timeZone)
            b11 = month11Start(year: lunar.year + 1, timeZone: timeZone)
        }
        var offset = lunar.month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(month11Start: a11, timeZone: timeZone)
            var leapMonth = leapOffset - 2
            if leapMonth < 0 { leapMonth += 12 }
            if lunar.isLeapMonth && lunar.month != leapMonth { return nil }
            if lunar.isLeapMonth || offset >= leapOffset { offset += 1 }
        } else if lunar.isLeapMonth {
            return nil
        }
        let k = Int(0.5 + (Double(a11) - 2_415_021.076998695) / 29.530588853)
        let monthStart = newMoonDay(k + offset, timeZone: timeZone)
        return date(julianDay: monthStart + lunar.day - 1)
    }

    /// Lunar New Year's Day (mùng 1 Tết) of the lunar year that starts in Gregorian `year`.
    public static func newYearsDay(_ year: Int) -> LocalDate {
        solarDate(of: LunarDate(day: 1, month: 1, year: year))!
    }
}
