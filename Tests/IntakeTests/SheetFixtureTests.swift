import Foundation
import Testing
import Intake

/// Sheets written by Python's csv module (and one exported by LibreOffice), compared field by
/// field with what the fixture writer expected.
@Suite("Sheets written by independent writers")
struct SheetFixtureTests {
    static let sheets = ["utf8-bom-comma.csv", "utf8-semicolon-nobom.csv", "excel-unicode-text.txt", "cp1258.csv", "dates.csv",
                         "bad-rows.csv", "excel-export.csv"]

    @Test("every record and every field as expected", arguments: sheets)
    func sheet(_ name: String) throws {
        let source = try SheetSource(path: try FixtureFile.url("csv/\(name)").path)
        let items = try FixtureFile.items(source)
        let stem = name.split(separator: ".").dropLast().joined(separator: ".")
        let expected = try FixtureFile.jsonLines("csv/\(stem).expected.jsonl")
        #expect(items.count == expected.count, "\(name): \(items.count) records, expected \(expected.count)")
        for (item, want) in zip(items, expected) {
            let line = try #require(want["line"] as? Int)
            switch item {
            case let .record(record):
                #expect(want["quarantined"] == nil, "\(name):\(line) was taken in, expected in quarantine")
                #expect(record.source.hasSuffix(":\(line)"), "\(record.source) should be line \(line)")
                guard case let .sheet(row) = record.origin else { Issue.record("not a sheet row"); continue }
                var got: [String: String] = [:]
                for (field, value) in row.fields { got[field.rawValue] = value }
                let wantFields = try #require(want["fields"] as? [String: String])
                #expect(got == wantFields, "\(name):\(line)")
                #expect(record.text == wantFields["text"])
            case let .rejected(rejection):
                #expect(want["quarantined"] as? Bool == true, "\(name):\(line) was quarantined: \(rejection.reason)")
                #expect(rejection.source.hasSuffix(":\(line)"), "\(rejection.source) should be line \(line)")
                // The reason names the column at fault.
                let field = want["field"] as? String
                let columns = ["text": "Nội dung", "received": "Ngày", "kind": "Loại"]
                if let field, let header = columns[field] {
                    #expect(rejection.reason.contains(header), "\(rejection.reason) should name '\(header)'")
                }
            }
        }
    }

    @Test("the encoding of each sheet is recognised")
    func encodings() throws {
        let cases: [(String, SheetEncoding, UInt8)] = [
            ("utf8-bom-comma.csv", .utf8, UInt8(ascii: ",")), ("utf8-semicolon-nobom.csv", .utf8, UInt8(ascii: ";")),
            ("excel-unicode-text.txt", .utf16le, UInt8(ascii: "\t")), ("cp1258.csv", .cp1258, UInt8(ascii: ",")),
        ]
        for (name, encoding, delimiter) in cases {
            let source = try SheetSource(path: try FixtureFile.url("csv/\(name)").path)
            #expect(source.encoding == encoding, "\(name)")
            #expect(source.delimiter == delimiter, "\(name)")
        }
    }
}
