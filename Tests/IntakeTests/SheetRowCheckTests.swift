import Foundation
import Testing
import TestSupport
@testable import Intake

/// Rows that would store garbage go to quarantine with their bytes (issue 17, items 1, 17, 18, 19).
@Suite("Sheets: shifted rows, month-first dates, future dates, field limits")
struct SheetRowCheckTests {
    static let header = "STT;Họ và tên;Địa chỉ;Nội dung;Ngày nhận;Loại đơn\n"

    /// Each data row as read: the record's fields, or "quarantined: reason".
    func read(_ text: String) throws -> [(line: Int, fields: [String: String]?, reason: String?, raw: [UInt8])] {
        let directory = TemporaryDirectory()
        let path = directory.path("sheet.csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try FixtureFile.items(try SheetSource(path: path)).map { item in
            switch item {
            case let .record(record):
                guard case let .sheet(row) = record.origin else { return (0, nil, nil, []) }
                let line = Int(record.source.split(separator: ":").last!)!
                return (line, Dictionary(row.fields.map { ($0.field.rawValue, $0.value) }, uniquingKeysWith: { a, _ in a }), nil, [])
            case let .rejected(rejection):
                return (Int(rejection.source.split(separator: ":").last!)!, nil, rejection.reason, rejection.raw)
            }
        }
    }

    @Test("a stray quote inside one line quarantines that row with its bytes; the rows around it are read")
    func strayQuote() throws {
        let bad = "11;\"Lý Văn Chín;Khu phố 2, phường Bảy Hiền;Cống bị \"tắc\" nghẽn;04/11/2026;Phản ánh"
        let rows = try read(SheetRowCheckTests.header + "10;An;Huế;Đường ngập;03/11/2026;Phản ánh\n" + bad + "\n"
                            + "12;Bình;\"Phường 1, Quận 3\";\"Cống bị \"\"tắc\"\" nghẽn\";05/11/2026;Kiến nghị\n")
        #expect(rows.count == 3)
        #expect(rows[0].fields?["text"] == "Đường ngập")
        #expect(rows[1].line == 3 && rows[1].fields == nil && rows[1].raw == Array(bad.utf8))
        #expect(rows[1].reason?.contains("Họ và tên") == true, "\(rows[1].reason ?? "")")
        #expect(rows[2].fields?["text"] == "Cống bị \"tắc\" nghẽn" && rows[2].fields?["address"] == "Phường 1, Quận 3")
    }

    @Test("a stray quote further along, or a cell too many, quarantines the row", arguments: [
        "11;Lý Văn Chín;\"Khu phố 2;Cống bị \"tắc\" nghẽn;04/11/2026;Phản ánh",
        "11;Lý Văn Chín;Khu phố 2;\"Cống \"tắc\", nghẽn\";04/11/2026;Phản ánh",
        "11;Lý Văn Chín;Khu phố 2;Cống tắc;04/11/2026;Phản ánh;thừa một ô",
        "11;Lý Văn Chín;Khu phố 2; phường 3;Cống tắc;04/11/2026;Phản ánh",
        // A shifted row whose typed cells fail their type.
        "11;Lý Văn Chín;Khu phố 2;Cống tắc;Phản ánh;04/11/2026",
    ])
    func shifted(row: String) throws {
        let rows = try read(SheetRowCheckTests.header + row + "\n")
        #expect(rows.count == 1 && rows[0].fields == nil && rows[0].raw == Array(row.utf8), "\(rows)")
    }

    @Test("a short row is read as missing its trailing cells; trailing empty cells are no extra cells")
    func shortRow() throws {
        let rows = try read(SheetRowCheckTests.header + "1;An;Huế;Đường ngập\n2;Bình;Huế;Cống tắc;04/11/2026;Phản ánh;;\n")
        #expect(rows.count == 2)
        #expect(rows[0].fields == ["name": "An", "address": "Huế", "text": "Đường ngập"])
        #expect(rows[1].fields?["kind"] == "phan-anh")
    }

    @Test("a date only month first can read is quarantined in a day-first column")
    func monthFirstInDayFirstColumn() throws {
        let rows = try read(SheetRowCheckTests.header + "1;An;Huế;Đường ngập;12/25/2025;Phản ánh\n"
                            + "2;Bình;Huế;Cống tắc;25/11/2025;Phản ánh\n3;Chi;Huế;Rác;05/11/2025;Phản ánh\n")
        #expect(rows[0].fields == nil && rows[0].reason?.contains("tháng/ngày") == true, "\(rows[0])")
        #expect(rows[1].fields?["received"] == "2025-11-25")
        #expect(rows[2].fields?["received"] == "2025-11-05")
    }

    @Test("a column that is month first throughout is read month first")
    func monthFirstColumn() throws {
        let rows = try read(SheetRowCheckTests.header + "1;An;Huế;Đường ngập;05/11/2025;Phản ánh\n"
                            + "2;Bình;Huế;Cống tắc;11/20/2025;Phản ánh\n3;Chi;Huế;Rác;2025-10-01;Phản ánh\n")
        #expect(rows.map { $0.fields?["received"] } == ["2025-05-11", "2025-11-20", "2025-10-01"])
    }

    @Test("a receipt dated more than a day ahead is quarantined naming the column", arguments: ["05/12/2099", "2030-01-01"])
    func future(cell: String) throws {
        let rows = try read(SheetRowCheckTests.header + "1;An;Huế;Đường ngập;\(cell);Phản ánh\n")
        #expect(rows.count == 1 && rows[0].fields == nil && rows[0].reason?.contains("Ngày nhận") == true, "\(rows)")
    }

    @Test("every column has a limit: a 98,000-character name is quarantined naming the column")
    func limits() throws {
        let name = String(repeating: "Nguyễn ", count: 14_000)
        let rows = try read(SheetRowCheckTests.header + "1;\(name);Huế;Đường ngập;04/11/2026;Phản ánh\n"
                            + "2;An;\(String(repeating: "x", count: 5_000));Đường ngập;04/11/2026;Phản ánh\n"
                            + "3;An;Huế;Đường ngập;04/11/2026;Phản ánh\n")
        #expect(rows[0].fields == nil && rows[0].reason?.contains("Họ và tên") == true)
        #expect(rows[1].fields == nil && rows[1].reason?.contains("Địa chỉ") == true)
        #expect(rows[2].fields != nil)
    }
}
