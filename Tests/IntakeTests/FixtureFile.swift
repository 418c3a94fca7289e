import Foundation
import Intake

/// The fixtures written by scripts/make-intake-fixtures.py with Python's csv and email packages.
enum FixtureFile {
    static func url(_ relative: String) throws -> URL {
        guard let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixtureError("the Fixtures folder is missing from the test bundle")
        }
        return base.appendingPathComponent(relative)
    }

    /// The JSON objects of a .jsonl file.
    static func jsonLines(_ relative: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: try url(relative), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw FixtureError("\(relative): a line is not a JSON object")
            }
            return object
        }
    }

    /// Every item of a source, in order.
    static func items(_ source: any RecordSource) throws -> [IntakeItem] {
        var items: [IntakeItem] = []
        while let item = try source.next() { items.append(item) }
        return items
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
