import Foundation

/// One JSON object per line, UTF-8, dates in ISO 8601, as ../shared/INTERFACES.md promises.
enum JSONLines {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func print(_ value: some Encodable) throws {
        let data = try encoder().encode(value)
        StandardStreams.printLine(String(decoding: data, as: UTF8.self))
    }
}
