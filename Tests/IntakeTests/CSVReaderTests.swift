import Testing
import Intake

@Suite("CSV reader")
struct CSVReaderTests {
    func read(_ text: String, delimiter: Character? = nil) throws -> [CSVReader.Record] {
        let bytes = Array(text.utf8)
        return try CSVReader(delimiter: delimiter?.asciiValue, detectingFrom: bytes).records(bytes)
    }

    @Test("quotes, doubled quotes, embedded newlines and CRLF, as RFC 4180 says")
    func rfc4180() throws {
        let records = try read("id,ten,ghi chu\r\n1,\"Nguyễn Văn \"\"Tư\"\"\",\"dòng một\r\ndòng hai\"\r\n2,Trần Thị B,\r\n")
        #expect(records.map(\.fields) == [["id", "ten", "ghi chu"], ["1", "Nguyễn Văn \"Tư\"", "dòng một\r\ndòng hai"], ["2", "Trần Thị B", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("the delimiter is detected from the header", arguments: [(";", "a;b;c\n1;2;3\n"), ("\t", "a\tb\tc\n1\t2\t3\n"), (",", "a,b,c\n1,2,3\n")])
    func delimiters(delimiter: String, text: String) throws {
        #expect(CSVReader.detectDelimiter(Array(text.utf8)) == delimiter.utf8.first)
        #expect(try read(text).last?.fields == ["1", "2", "3"])
    }

    @Test("a semicolon or tab sheet whose text holds unquoted commas is read by its own delimiter", arguments: [
        (";", "Họ tên;Nội dung;Ngày nhận\r\nA;Đường hỏng, nhiều ổ gà, ngập, tắc cống;20/11/2026\r\nB;Đèn hỏng;21/11/2026\r\n"),
        ("\t", "STT\tHọ tên\tĐịa chỉ\tNội dung\n1\tA\tSố 5, hẻm 12, KP6, P. Bảy Hiền\tĐường hỏng, ngập\n2\tB\tKP1\tĐèn hỏng, tối\n"),
        (",", "SỔ THEO DÕI ĐƠN THƯ NĂM 2026\nHọ tên,Nội dung,Ghi chú\nA,\"Đường hỏng; ngập\",x\nB,Đèn hỏng,y\n"),
        (",", "Họ tên,Nội dung\n"),
    ])
    func delimiterByConsistency(delimiter: String, text: String) {
        #expect(CSVReader.detectDelimiter(Array(text.utf8)) == delimiter.utf8.first)
    }

    @Test("a byte-order mark and blank lines are skipped; an unclosed quote names its line")
    func edges() throws {
        #expect(try read("\u{FEFF}a,b\n\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(throws: CSVReader.Problem(line: 2, message: "một ô mở dấu ngoặc kép nhưng không đóng", raw: Array("\"1,2".utf8))) { try read("a,b\n\"1,2\n3,4\n") }
    }
}
