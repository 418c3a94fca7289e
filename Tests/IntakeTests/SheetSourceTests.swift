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
        ("2026-11-20T01:30:00Z", "2026-11-20T08:30:00+07:00"),
        ("46346", "2026-11-20"), ("46346.5", "2026-11-20T12:00:00+07:00"), ("46346,25", "2026-11-20T06:00:00+07:00"),
        ("46346.99999999", "2026-11-21T00:00:00+07:00"), ("15/03/98", "1998-03-15"), ("1/1/68", "2068-01-01"), ("31/12/1975", "1975-12-31"),
    ])
    func dates(cell: String, iso: String) {
        #expect(SheetDate(parsing: cell)?.iso == iso)
    }

    @Test("impossible or ambiguous-looking dates are not guessed", arguments: ["31/02/2026", "13/13/2026", "hôm qua", "20/11", "1/1/123", "12345", "4634",
                                                                                 // Typing errors: a deadline counted from them could not be written in four digits.
                                                                                 "31/12/9999", "1/1/0001", "46346.", "46346.5.5", "46346.x", "4634.5", "9999-12-31", "9999-12-31T23:00:00Z", "1/1/2200"])
    func badDates(cell: String) {
        #expect(SheetDate(parsing: cell) == nil)
        #expect(SheetDate(parsing: cell, order: .monthFirst) == nil)
    }

    @Test("a month-first date is read as such only in a month-first reading", arguments: ["11/20/2026", "12/25/2026"])
    func monthFirstCell(cell: String) {
        #expect(SheetDate(parsing: cell) == nil)
        #expect(SheetDate(parsing: cell, order: .monthFirst) != nil)
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

    func items(_ path: String) throws -> [IntakeItem] { try FixtureFile.items(try SheetSource(path: path)) }

    @Test("a quote left open near the end costs its own line: the rows after it come in, the line is quarantined as written")
    func quoteLeftOpen() throws {
        let directory = TemporaryDirectory()
        var text = "Họ tên,Nội dung\n"
        for row in 1...5 { text += "Người \(row),Việc \(row)\n" }
        text += "Bình,\"Cống tắc\n"
        for row in 6...10 { text += "Người \(row),Việc \(row)\n" }
        let path = try write(Array(text.utf8), in: directory)
        let items = try items(path)
        let texts: [String] = items.compactMap { if case let .record(r) = $0 { r.text } else { nil } }
        #expect(texts == (1...10).map { "Việc \($0)" })
        let rejected: [Rejection] = items.compactMap { if case let .rejected(r) = $0 { r } else { nil } }
        #expect(rejected.map(\.source) == ["\(path):7"])
        #expect(rejected.first?.raw == Array("Bình,\"Cống tắc".utf8))
    }

    @Test("a row with bytes that are not text is quarantined with those bytes as they came")
    func badBytesKeptAsReceived() throws {
        let directory = TemporaryDirectory()
        let bad: [UInt8] = Array("An,Cống ".utf8) + [0xFF, 0xFE] + Array(" tắc".utf8)
        let good = (1...20).map { "Người \($0),Đường ngập ở khu phố \($0)\n" }.joined()
        let path = try write(Array(("Họ tên,Nội dung\n" + good).utf8) + bad + Array("\nBình,Rác\n".utf8), in: directory)
        let items = try items(path)
        let rejected: [Rejection] = items.compactMap { if case let .rejected(r) = $0 { r } else { nil } }
        #expect(rejected.count == 1)
        #expect(rejected.first?.raw == bad)
        #expect(rejected.first?.reason == "cột 'Nội dung' có byte không hợp lệ theo bảng mã utf8")
        #expect(items.count == 22)
    }

    @Test("two columns under the same header both keep their cells")
    func repeatedHeader() throws {
        let directory = TemporaryDirectory()
        let path = try write(Array("Ghi chú,Nội dung,Ghi chú\nđã gọi,Cống tắc,hẹn thứ hai\n,Rác,hẹn thứ ba\n".utf8), in: directory)
        let got = try records(path)
        #expect(got.count == 2)
        let record = try #require(got.first)
        #expect(record.details["column: Ghi chú"] == "đã gọi")
        #expect(record.details["column: Ghi chú (2)"] == "hẹn thứ hai")
        guard case let .sheet(row) = record.origin else { Issue.record("not a sheet row"); return }
        #expect(row.extraByName == ["Ghi chú": "đã gọi", "Ghi chú (2)": "hẹn thứ hai"])
        // The same column keeps its name on a row whose first note is empty.
        #expect(got.last?.details["column: Ghi chú (2)"] == "hẹn thứ ba" && got.last?.details["column: Ghi chú"] == nil)
    }

    @Test("a channel cell is read by its words; words naming no channel are kept as written",
          arguments: [("Thư điện tử", "email", nil), ("E-mail", "email", nil), ("Email/Zalo", "email", nil), ("Qua email.", "email", nil),
                      ("member-report", "member-report", nil), ("Đảng viên phản ánh", "member-report", nil),
                      ("Trực tiếp tại trụ sở", "csv", "Trực tiếp tại trụ sở"), ("Hòm thư góp ý", "csv", "Hòm thư góp ý")])
    func channelCell(cell: String, channel: String, kept: String?) throws {
        let directory = TemporaryDirectory()
        let path = try write(Array("Nội dung,Kênh tiếp nhận\nCống tắc,\(cell)\n".utf8), in: directory)
        let record = try #require(try records(path).first)
        #expect(record.channel.rawValue == channel)
        #expect(record.details["channel as written"] == kept)
    }

    @Test("a sheet with CR line ends is streamed, not read whole before its first row")
    func crLineEnds() throws {
        let directory = TemporaryDirectory()
        let row = "Nguyễn Văn An,Đường ngập sau mưa lớn ở khu phố 3 kéo dài nhiều ngày\r"
        let count = 3 * (1 << 20) / row.utf8.count
        for encoding in [LegacyEncoding.utf8, .cp1258] {
            let text = "Họ tên,Nội dung\r" + String(repeating: row, count: count)
            let path = try write(try #require(LegacyText.encode(text, to: encoding)), "cr-\(encoding).csv", in: directory)
            let source = try SheetSource(path: path)
            #expect(source.bytesRead < source.totalBytes / 2, "\(encoding)")
            let items = try FixtureFile.items(source)
            #expect(items.count == count, "\(encoding)")
        }
    }

    @Test("a legacy sheet of exactly one mebibyte without a final line end keeps its last row")
    func legacyLastRowAtReadBoundary() throws {
        let directory = TemporaryDirectory()
        let header = try #require(LegacyText.encode("họ tên,nội dung\n", to: .cp1258))
        let row = try #require(LegacyText.encode("lê văn tám,rác thải ở đầu hẻm chưa được thu gom\n", to: .cp1258))
        var bytes = header + Array([[UInt8]](repeating: row, count: ((1 << 20) - 200 - header.count) / row.count).joined())
        bytes += try #require(LegacyText.encode("trần văn hai,đèn đường hỏng ", to: .cp1258))
        let padding = (1 << 20) - bytes.count
        bytes += Array(repeating: UInt8(ascii: "x"), count: padding)
        #expect(bytes.count == 1 << 20)
        let got = try records(try write(bytes, in: directory))
        #expect(got.last?.text == "đèn đường hỏng " + String(repeating: "x", count: padding))
        #expect(got.last?.submitter.name == "trần văn hai")
    }

    @Test("a workbook or a PDF given as a sheet is named for what it is, its bytes not echoed",
          arguments: [([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "ZIP"), ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], ".xls"),
                      (Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj".utf8), "PDF")] as [([UInt8], String)])
    func notASheet(prefix: [UInt8], named: String) throws {
        let directory = TemporaryDirectory()
        let path = try write(prefix + [UInt8](repeating: 0, count: 100) + Array("Nội dung\n".utf8), "so.xlsx", in: directory)
        #expect { try SheetSource(path: path) } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("\(path): đây là ") && message.contains(named) && !message.unicodeScalars.contains { $0.value < 0x20 }
        }
    }
}
