import Foundation
import Domain

/// Reads the calendar data in routing-rules/calendar/:
///
///     holiday | solar 01-01 | Tết Dương lịch
///     holiday | lunar-new-year -1..3 | Tết Nguyên Đán
///     holiday | lunar 03-10 | Giỗ Tổ Hùng Vương | since 2007
///     year 2026 | Thông báo của Bộ Nội vụ …
///     off 2026-02-16..2026-02-20 | Tết Nguyên Đán
///     work 2026-08-22 | Làm bù ngày 31/8
public enum CalendarFileParser {
    public struct Parsed: Sendable {
        public var rules: [HolidayRule] = []
        public var decisions: [YearDecision] = []
    }

    public static func parse(_ contents: String, file: String) -> (Parsed, [RulesProblem]) {
        var parsed = Parsed()
        var problems: [RulesProblem] = []
        var current: YearDecision?
        func problem(_ line: RulesFileLine, _ message: String) {
            problems.append(RulesProblem(file: file, line: line.number, message: message))
        }
        for line in RulesFileLine.lines(of: contents) {
            let fields = line.fields
            let head = fields[0].split(separator: " ", maxSplits: 1).map(String.init)
            switch head.first {
            case "holiday":
                guard fields.count >= 3, !fields[2].isEmpty else {
                    problem(line, "expected: holiday | solar MM-DD | name [| since YYYY] [| until YYYY]")
                    continue
                }
                guard let date = parseRuleDate(fields[1]) else {
                    problem(line, "'\(fields[1])' is not 'solar MM-DD', 'lunar MM-DD' or 'lunar-new-year FROM..TO'")
                    continue
                }
                var rule = HolidayRule(name: fields[2], date: date)
                for extra in fields.dropFirst(3) {
                    let words = extra.split(separator: " ")
                    guard words.count == 2, let year = Int(words[1]), ["since", "until"].contains(words[0]) else {
                        problem(line, "'\(extra)' is not 'since YYYY' or 'until YYYY'")
                        continue
                    }
                    if words[0] == "since" { rule.since = year } else { rule.until = year }
                }
                parsed.rules.append(rule)
            case "year":
                if let done = current { parsed.decisions.append(done) }
                guard head.count == 2, let year = Int(head[1]) else {
                    problem(line, "expected: year YYYY | source")
                    current = nil
                    continue
                }
                current = YearDecision(year: year, daysOff: [], workingDays: [], source: fields.count > 1 ? fields[1] : "")
            case "off", "work":
                guard var decision = current else {
                    problem(line, "'\(head[0])' must follow a 'year' line")
                    continue
                }
                guard head.count == 2, fields.count >= 2, !fields[1].isEmpty, let days = parseDays(head[1]) else {
                    problem(line, "expected: \(head[0]) YYYY-MM-DD[..YYYY-MM-DD] | name")
                    continue
                }
                if let stray = days.first(where: { $0.year != decision.year }) {
                    problem(line, "\(stray.iso) is not in \(decision.year)")
                    continue
                }
                let holidays = days.map { Holiday(date: $0, name: fields[1]) }
                if head[0] == "off" { decision.daysOff += holidays } else { decision.workingDays += holidays }
                current = decision
            default:
                problem(line, "unknown line '\(head.first ?? "")'; expected holiday, year, off or work")
            }
        }
        if let done = current { parsed.decisions.append(done) }
        return (parsed, problems)
    }

    static func parseRuleDate(_ text: String) -> HolidayRule.Date? {
        let words = text.split(separator: " ")
        guard words.count == 2 else { return nil }
        if words[0] == "lunar-new-year" {
            let bounds = words[1].split(separator: ".", omittingEmptySubsequences: true).compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] <= bounds[1] else { return nil }
            return .lunarNewYear(bounds[0]...bounds[1])
        }
        let parts = words[1].split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[0]), (1...31).contains(parts[1]) else { return nil }
        switch words[0] {
        case "solar": return .solar(month: parts[0], day: parts[1])
        case "lunar": return parts[1] <= 30 ? .lunar(month: parts[0], day: parts[1]) : nil
        default: return nil
        }
    }

    static func parseDays(_ text: String) -> [LocalDate]? {
        let ends = text.components(separatedBy: "..")
        guard ends.count <= 2, let first = LocalDate(iso: ends[0]) else { return nil }
        guard ends.count == 2 else { return [first] }
        guard let last = LocalDate(iso: ends[1]), first <= last, first.days(until: last) < 60 else { return nil }
        return (0...first.days(until: last)).map { first.adding(days: $0) }
    }
}
