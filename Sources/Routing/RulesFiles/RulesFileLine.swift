/// A meaningful line of a rules file: comment stripped, trimmed, with its 1-based number.
public struct RulesFileLine: Sendable {
    public var number: Int
    public var text: String
    /// Leading spaces, which mark the fields of a block.
    public var indent: Int

    /// Splits a file into its non-blank lines; "#" starts a comment anywhere on a line.
    public static func lines(of contents: String) -> [RulesFileLine] {
        var result: [RulesFileLine] = []
        for (index, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw[...]
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let text = line.trimmedWhitespace
            if !text.isEmpty {
                result.append(RulesFileLine(number: index + 1, text: text, indent: indent))
            }
        }
        return result
    }

    /// The text split at "|", each part trimmed.
    public var fields: [String] { text.split(separator: "|", omittingEmptySubsequences: false).map(\.trimmedWhitespace) }
}

extension StringProtocol {
    var trimmedWhitespace: String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
