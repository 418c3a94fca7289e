import Foundation

/// Loads routing-rules/calendar/*.txt into a working calendar.
public enum CalendarLoader {
    /// All problems of all files, or the calendar.
    public static func load(rulesDirectory: String) throws(RulesProblems) -> WorkingCalendar {
        let directory = (rulesDirectory as NSString).appendingPathComponent("calendar")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else {
            throw RulesProblems([RulesProblem(file: directory, line: 0, message: "no calendar files (*.txt) found")])
        }
        var rules: [HolidayRule] = []
        var decisions: [YearDecision] = []
        var problems: [RulesProblem] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                problems.append(RulesProblem(file: path, line: 0, message: "cannot be read as UTF-8 text"))
                continue
            }
            let (parsed, found) = CalendarFileParser.parse(text, file: path)
            rules += parsed.rules
            decisions += parsed.decisions
            problems += found
        }
        var seenYears: [Int: Int] = [:]
        for decision in decisions { seenYears[decision.year, default: 0] += 1 }
        for (year, count) in seenYears where count > 1 {
            problems.append(RulesProblem(file: directory, line: 0, message: "year \(year) is decided in \(count) places"))
        }
        guard problems.isEmpty else { throw RulesProblems(problems) }
        return WorkingCalendar(holidays: HolidayCalendar(rules: rules, decisions: decisions))
    }
}
