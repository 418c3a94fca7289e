/// One problem found in a rules file, printed as "file:line: message" (the way compilers do,
/// so editors can jump to it).
public struct RulesProblem: Error, Sendable, Equatable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }

    public static func < (a: RulesProblem, b: RulesProblem) -> Bool {
        (a.file, a.line, a.message) < (b.file, b.line, b.message)
    }
}

/// Several problems at once: loading reports them all, not just the first.
public struct RulesProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [RulesProblem]

    public init(_ problems: [RulesProblem]) {
        self.problems = problems.sorted()
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
