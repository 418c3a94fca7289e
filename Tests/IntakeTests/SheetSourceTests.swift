import Foundation
import Testing
import TestSupport
import VietText
@testable import Intake

@Suite("Sheets: encodings, header mapping, dates, bad rows")
struct SheetSourceTests {
    func write(_ bytes: [UInt8], _ name: String = "sheet.csv", in directory: TemporaryDirectory) throws -> String {
        let path = directory.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func records(_ path: String, mapping: HeaderMapping = .standard) throws -> [IntakeRecord] {
        try FixtureFile.items(try SheetSource(path: path, mapping: mapping)).compactMap {
            if case let .record(record) = $0 { record } else { nil }
        }
    }

    static let rows = "Họ tên,Địa chỉ,Nội dung\nNguyễn Thị Hoà,\"Phường Bảy Hiền, TP.HCM\",Đường ngập sau mưa\n"

    @Test("TCVN3 and VNI sheets are recognised and decoded", arguments: [LegacyEncoding.tcvn3, .vni, .cp1258])
    func legacy(_ encoding: LegacyEncoding) throws {
        let directory = TemporaryDirectory()
        // Lowercase only: TCVN3 has no capitals with tones.
        let text = "họ tên,nội dung\nnguyễn thị hoà,đường ngập sau mưa lớn ở khu phố\nlê văn tám,rác thải ở đầu hẻm chưa được thu gom\n"
        let bytes = try #require(LegacyText.encode(text, to: encoding))
        let path = try write(bytes, in: directory)
        let source = try SheetSource(path: path)
        #expect(source.encoding.rawValue == encoding.rawValue)
        let got = try records(path)
        #expect(got.map(\.submitter.name) == ["nguyễn thị hoà", "lê văn tám"])
        #expect(got.first?.text == "đường ngập sau mưa lớn ở khu phố")
    }

    @Test("UTF-16 with a character outside the BMP split across the 1 MiB read boundary")
    func utf16Boundary() throws {
        let directory = TemporaryDirectory()
        // Pad with lines of 1,000 UTF-16 units so that the surrogate pair of 𝔸 occupies bytes
        // 1,048,574–1,048,577, across the first 1 MiB read.
        var text = "Nội dung\n"
        let unitsBefore = (1_048_574 - 2) / 2 - text.utf16.count
        let line = String(repeating: "x", count: 999) + "\n"
        text += String(repeating: line, count: unitsBefore / 1000)
        text += String(repeating: "y", count: unitsBefore % 1000 - 1) + "\n"
        text += "𝔸 ở khu phố 6\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(bytes[1_048_574...1_048_577].elementsEqual([0x35, 0xD8, 0x38, 0xDD]))
        let got = try records(try write(bytes, in: directory))
        #expect(got.count == unitsBefore / 1000 + 2)
        #expect(got.last?.text == "𝔸 ở khu phố 6")
    }

    @Test("a mapping file names unusual headers; its mistakes name the file and line")
    func mappingFile() throws {
        let directory = TemporaryDirectory()
        let sheet = try write(Array("Người phản ánh,Vụ việc\nAn,Cống tắc\n".utf8), in: directory)
        #expect(throws: SourceError.self) { try SheetSource(path: sheet) }
        let mappingPath = try write(Array("# ghi chú\nVụ việc = text\n".utf8), "map.txt", in: directory)
        let mapping = try HeaderMapping.standard.adding(file: mappingPath)
        #expect(try records(sheet, mapping: mapping).map(\.text) == ["Cống tắc"])
        let bad = try write(Array("Vụ việc = noi-dung\n".utf8), "bad.txt", in: directory)
        #expect { try HeaderMapping.standard.adding(file: bad) } throws: { error in
            "\(error)".hasPrefix("\(bad):1: không có trường 'noi-dung'")
        }
    }

    @Test("title rows above the header are skipped, and so are rows of empty cells; line numbers stay the file's")
    func titleRowsAndEmptyRows() throws {
        let directory = TemporaryDirectory()
        let text = "ỦY BAN MTTQ PHƯỜNG BẢY HIỀN\nSỔ THEO DÕI ĐƠN THƯ NĂM 2026\n;;;\nSTT;Họ tên;Nội dung;Ngày nhận\n"
            + "1;An;Cống tắc;20/11/2026\n;;;\n2;Bình;Rác chưa thu gom;21/11/2026\n;;;\n"
        let path = try write(Array(text.utf8), in: directory)
        let source = try SheetSource(path: path)
        #expect(source.delimiter == UInt8(ascii: ";"))
        #expect(source.headerLine == 4)
        let items = try FixtureFile.items(source)
        let sources: [String] = items.map { if case let .record(r) = $0 { r.source } else { "rejected" } }
        #expect(sources == ["\(path):5", "\(path):7"])
    }

    @Test("cells under no header or an unknown header are kept with the grievance, not dropped")
    func unmappedCells() throws {
        let directory = TemporaryDirectory()
        let path = try write(Array("Họ tên,Nội dung,,Ghi chú nội bộ\nAn,Cống tắc,gọi lại sau,đã xác minh\n".utf8), in: directory)
        let record = try #require(try records(path).first)
        #expect(record.details["column: column 3"] == "gọi lại sau")
        #expect(record.details["column: Ghi chú nội bộ"] == "đã xác minh")
    }

    @Test("a sheet without a content column is refused as a whole, naming file and line 1")
    func noContentColumn() throws {
        let directory = TemporaryDirectory()
        let path = try write(Array("Họ tên,Địa chỉ\nAn,Huế\n".utf8), in: directory)
        #expect { try SheetSource(path: path) } throws: { error in
            "\(error)".hasPrefix("\(path):1: không thấy cột nội dung đơn")
        }
    }

    @Test("the same row is the same key in another encoding, date format or column order")
    func stableKeys() throws {
        let directory = TemporaryDirectory()
        let a = try write(Array("Họ tên,Nội dung,Ngày nhận\nAn,Cống tắc,20/11/2026\n".utf8), "a.csv", in: directory)
        let b = try write(LegacyText.encode("Ngày nhận;Nội dung;Họ tên\n2026-11-20;Cống tắc;An\n", to: .cp1258)!, "b.csv", in: directory)
        let c = try write(Array("Họ tên,Nội dung,Ngày nhận\nAn,Cống tắc,21/11/2026\n".utf8), "c.csv", in: directory)
        let keys = try [a, b, c].map { try records($0).first!.key }
        #expect(keys[0] == keys[1])
        #expect(keys[0] != keys[2])
        // The key is the SHA-256 of "name=value" per field in the order of the field names, joined
        // by U+001F (hashlib.sha256 of "name=An\x1freceived=2026-11-20\x1ftext=Cống tắc"): a
        // change here would make every sheet imported before look new.
        #expect(keys[0] == "row:78b33d796787e6ce5eb4bb56ba3d991525a68ff7681b15cad20b36ca1e2c8b23")
        #expect(SheetField.allCases.allSatisfy { $0.rawValue.utf8.allSatisfy { $0 < 0x80 } })
    }

    @Test("each field's identity rank is its name's place in byte order, so keys are built in that order")
    func identityRanks() {
        let byName = SheetField.allCases.sorted { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }
        #expect(byName.map(\.identityRank) == Array(0..<SheetField.allCases.count))
    }

    @Test("dates as offices write them", arguments: [
        ("20/11/2026", "2026-11-20"), ("5/3/26", "2026-03-05"), ("2026-01-09", "2026-01-09"),
        ("20-11-2026", "2026-11-20"), ("20.11.2026", "2026-11-20"), ("20/11/2026 08:30", "2026-11-20T08:30:00+07:00"),
        ("11/20/2026", "2026-11-20"), ("2026-11-20T01:30:00Z", "2026-11-20T08:30:00+07:00"),
        ("46346", "2026-11-20"), ("15/03/98", "1998-03-15"), ("1/1/68", "2068-01-01"), ("31/12/1975", "1975-12-31"),
    ])
    func dates(cell: String, iso: String) {
        #expect(SheetDate(parsing: cell)?.iso == iso)
    }

    @Test("impossible or ambiguous-looking dates are not guessed", arguments: ["31/02/2026", "13/13/2026", "hôm qua", "20/11", "1/1/123", "12345", "4634",
                                                                                 // Typing errors: a deadline counted from them could not be written in four digits.
                                                                                 "31/12/9999", "1/1/0001", "9999-12-31", "9999-12-31T23:00:00Z", "1/1/2200"])
    func badDates(cell: String) {
        #expect(SheetDate(parsing: cell) == nil)
    }

    @Test("a rejected record is quarantined by where it was and its bytes, whatever the reason's wording")
    func quarantineKey() {
        let row = Array("Nguyễn Văn A,31/02/2026,Đường ngập".utf8)
        let first = Rejection(source: "so.csv:14", reason: "column 'Ngày nhận': '31/02/2026' is not a date", raw: row)
        let reworded = Rejection(source: "so.csv:14", reason: "cột 'Ngày nhận': '31/02/2026' không phải ngày hợp lệ", raw: row)
        #expect(first.quarantineKey == reworded.quarantineKey)
        #expect(first.quarantineKey != Rejection(source: "so.csv:15", reason: first.reason, raw: row).quarantineKey)
        #expect(first.quarantineKey != Rejection(source: "so.csv:14", reason: first.reason, raw: row + [0x20]).quarantineKey)
    }
}
