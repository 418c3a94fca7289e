import Foundation

/// Reads the project's labelled corpus (corpus/train.tsv: id, topic, kind, register, text).
/// A letter labelled with two topics ("dat-dai|can-bo-tham-nhung") counts under the first.
public enum Corpus {
    public struct Problem: Error, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func read(path: String) throws -> [Example] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(file: path, line: 0, message: "cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        var examples: [Example] = []
        var columns: [String: Int] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if columns.isEmpty {
                columns = Dictionary(fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                for needed in ["id", "topic", "kind", "text"] where columns[needed] == nil {
                    throw Problem(file: path, line: index + 1, message: "the header has no '\(needed)' column")
                }
                continue
            }
            func field(_ name: String) throws -> String {
                guard let column = columns[name], column < fields.count else {
                    throw Problem(file: path, line: index + 1, message: "missing field '\(name)'")
                }
                return fields[column]
            }
            let primary = { (value: String) in String(value.split(separator: "|").first ?? "") }
            examples.append(Example(id: try field("id"), text: try field("text"), topic: primary(try field("topic")),
                                    kind: primary(try field("kind"))))
        }
        return examples
    }
}
