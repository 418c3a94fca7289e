/// A block of a rules file: a head line at the left margin ("unit mttq-bay-hien") followed by
/// indented "key: value" fields.
public struct Block: Sendable {
    public struct Field: Sendable {
        public var key: String
        public var value: String
        public var line: Int
    }

    public var file: String
    public var keyword: String
    public var id: String
    public var line: Int
    public var fields: [Field]

    public func values(_ key: String) -> [Field] { fields.filter { $0.key == key } }
    public func value(_ key: String) -> Field? { fields.last { $0.key == key } }

    public func problem(_ message: String, at line: Int? = nil) -> RulesProblem {
        RulesProblem(file: file, line: line ?? self.line, message: message)
    }
}

/// Splits a rules file into blocks, reporting lines that fit no block.
public enum BlockParser {
    public static func parse(_ contents: String, file: String) -> ([Block], [RulesProblem]) {
        var blocks: [Block] = []
        var problems: [RulesProblem] = []
        for line in RulesFileLine.lines(of: contents) {
            if line.indent == 0 {
                let words = line.text.split(separator: " ", maxSplits: 1).map(String.init)
                blocks.append(Block(file: file, keyword: words[0], id: words.count > 1 ? words[1].trimmedWhitespace : "",
                                    line: line.number, fields: []))
                continue
            }
            guard !blocks.isEmpty else {
                problems.append(RulesProblem(file: file, line: line.number, message: "indented line outside any block"))
                continue
            }
            guard let colon = line.text.firstIndex(of: ":") else {
                problems.append(RulesProblem(file: file, line: line.number,
                                             message: "expected 'key: value', got '\(line.text)'"))
                continue
            }
            let key = line.text[..<colon].split(separator: " ").joined(separator: " ")
            let value = line.text[line.text.index(after: colon)...].trimmedWhitespace
            blocks[blocks.count - 1].fields.append(Block.Field(key: key, value: value, line: line.number))
        }
        return (blocks, problems)
    }
}

extension String {
    /// "a, b ,c" → ["a", "b", "c"]
    var commaList: [String] {
        split(separator: ",").map(\.trimmedWhitespace).filter { !$0.isEmpty }
    }
}
