import Testing
import TestSupport
@testable import Intake

@Suite("CSV parser, streamed")
struct CSVParserTests {
    /// The sample's records as written, each followed by its line end.
    static let sampleLines: [(text: String, end: String)] = [
        ("Họ tên,Nội dung,Ghi chú", "\r\n"),
        ("\"Nguyễn Văn \"\"Tư\"\"\",\"dòng một\r\ndòng hai, có phẩy\",", "\r\n"),
        ("Trần Thị B,\"\",x", "\r\n"),
        ("", "\r\n"),
        ("Lê C,\"mở \"\"ngoặc\"\" rồi\"\"\",cuối", "\n"),
        ("\"\"", "\n"),
        ("không xuống dòng ở cuối,a,b", ""),
    ]
    static let sample = Array(sampleLines.map { $0.text + $0.end }.joined().utf8)

    static func parse(_ bytes: [UInt8], cuts: [Int], maximumRecordBytes: Int = 16 << 20) -> [CSVParser.Output] {
        var parser = CSVParser(delimiter: UInt8(ascii: ","), maximumRecordBytes: maximumRecordBytes)
        var outputs: [CSVParser.Output] = []
        var start = 0
        for cut in cuts.sorted() + [bytes.count] where cut >= start {
            parser.feed(Array(bytes[start..<cut])) { outputs.append($0) }
            start = cut
        }
        parser.finish { outputs.append($0) }
        return outputs
    }

    @Test("records, line numbers and fields, whatever the chunk boundaries")
    func chunkBoundaries() {
        let whole = CSVParserTests.parse(CSVParserTests.sample, cuts: [])
        // Each record keeps its bytes as written, without the line end, for the quarantine.
        let raw = CSVParserTests.sampleLines.map { Array($0.text.utf8) }
        let expected: [CSVParser.Output] = [
            .record(.init(line: 1, fields: ["Họ tên", "Nội dung", "Ghi chú"], raw: raw[0])),
            .record(.init(line: 2, fields: ["Nguyễn Văn \"Tư\"", "dòng một\r\ndòng hai, có phẩy", ""], raw: raw[1])),
            .record(.init(line: 4, fields: ["Trần Thị B", "", "x"], raw: raw[2])),
            .record(.init(line: 6, fields: ["Lê C", "mở \"ngoặc\" rồi\"", "cuối"], raw: raw[4])),
            .record(.init(line: 7, fields: [""], raw: raw[5])),
            .record(.init(line: 8, fields: ["không xuống dòng ở cuối", "a", "b"], raw: raw[6])),
        ]
        #expect(whole == expected)
        // Every single cut point, then 2,000 random sets of cuts: the same records.
        for cut in 0...CSVParserTests.sample.count {
            #expect(CSVParserTests.parse(CSVParserTests.sample, cuts: [cut]) == expected, "cut at \(cut)")
        }
        var random = SplitMix64(seed: 6)
        for _ in 0..<2000 {
            let cuts = (0..<Int(random.next() % 8)).map { _ in Int(random.next() % UInt64(CSVParserTests.sample.count + 1)) }
            #expect(CSVParserTests.parse(CSVParserTests.sample, cuts: cuts) == expected, "cuts \(cuts)")
        }
    }

    /// Outputs with every cut point and 500 random sets of cuts must equal the uncut parse.
    static func expectSameWhateverTheCuts(_ bytes: [UInt8], maximumRecordBytes: Int = 16 << 20,
                                          sourceLocation: SourceLocation = #_sourceLocation) -> [CSVParser.Output] {
        func parse(_ cuts: [Int]) -> [CSVParser.Output] {
            CSVParserTests.parse(bytes, cuts: cuts, maximumRecordBytes: maximumRecordBytes)
        }
        let whole = parse([])
        for cut in 0...bytes.count {
            #expect(parse([cut]) == whole, "cut at \(cut)", sourceLocation: sourceLocation)
        }
        var random = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let cuts = (0..<Int(random.next() % 8)).map { _ in Int(random.next() % UInt64(bytes.count + 1)) }
            #expect(parse(cuts) == whole, "cuts \(cuts)", sourceLocation: sourceLocation)
        }
        return whole
    }

    @Test("a quote never closed costs its own line only: the rows after it are parsed again")
    func unclosedQuote() {
        let outputs = CSVParserTests.expectSameWhateverTheCuts(Array("a,b\r\n1,\"2\r\n3,4\r\n5,6\n7,8".utf8))
        #expect(outputs == [
            .record(.init(line: 1, fields: ["a", "b"], raw: Array("a,b".utf8))),
            .problem(.init(line: 2, message: "một ô mở dấu ngoặc kép nhưng không đóng", raw: Array("1,\"2".utf8))),
            .record(.init(line: 3, fields: ["3", "4"], raw: Array("3,4".utf8))),
            .record(.init(line: 4, fields: ["5", "6"], raw: Array("5,6".utf8))),
            .record(.init(line: 5, fields: ["7", "8"], raw: Array("7,8".utf8))),
        ])
        // A lone CR ends the line of the quote left open just as well.
        let crOnly = CSVParserTests.expectSameWhateverTheCuts(Array("a,b\r1,\"2\r3,4\r".utf8))
        #expect(crOnly == [
            .record(.init(line: 1, fields: ["a", "b"], raw: Array("a,b".utf8))),
            .problem(.init(line: 2, message: "một ô mở dấu ngoặc kép nhưng không đóng", raw: Array("1,\"2".utf8))),
            .record(.init(line: 3, fields: ["3", "4"], raw: Array("3,4".utf8))),
        ])
    }

    @Test("a record over the size limit is reported by its first line, and parsing resumes on the next")
    func oversize() {
        let long = String(repeating: "x", count: 50)
        // On one line: its first bytes are reported and the rest of that line skipped.
        let oneLine = CSVParserTests.expectSameWhateverTheCuts(Array("ok,1\n\"\(long)\",2\nnext,3\n".utf8), maximumRecordBytes: 10)
        #expect(oneLine == [
            .record(.init(line: 1, fields: ["ok", "1"], raw: Array("ok,1".utf8))),
            .problem(.init(line: 2, message: "bản ghi dài hơn 10 byte (có dấu ngoặc kép không đóng?)", raw: Array("\"xxxxxxxxx".utf8))),
            .record(.init(line: 3, fields: ["next", "3"], raw: Array("next,3".utf8))),
        ])
        // A quote opened by mistake and closed by mistake many lines later: only the first line is lost.
        let manyLines = CSVParserTests.expectSameWhateverTheCuts(Array("ok,1\nlo,\"2\nc,3\nd,4\ne,\"5\nf,6\n".utf8), maximumRecordBytes: 10)
        #expect(manyLines == [
            .record(.init(line: 1, fields: ["ok", "1"], raw: Array("ok,1".utf8))),
            .problem(.init(line: 2, message: "bản ghi dài hơn 10 byte (có dấu ngoặc kép không đóng?)", raw: Array("lo,\"2".utf8))),
            .record(.init(line: 3, fields: ["c", "3"], raw: Array("c,3".utf8))),
            .record(.init(line: 4, fields: ["d", "4"], raw: Array("d,4".utf8))),
            .problem(.init(line: 5, message: "một ô mở dấu ngoặc kép nhưng không đóng", raw: Array("e,\"5".utf8))),
            .record(.init(line: 6, fields: ["f", "6"], raw: Array("f,6".utf8))),
        ])
    }

    @Test("a stray quote that meets the next row's opening quote costs its own line; the next row comes through")
    func strayQuote() {
        let outputs = CSVParserTests.expectSameWhateverTheCuts(Array("h,t\nAn,\"Cống tắc\nBình,\"Đường ngập, nước tràn\"\nChi,Rác\n".utf8))
        #expect(outputs == [
            .record(.init(line: 1, fields: ["h", "t"], raw: Array("h,t".utf8))),
            .problem(.init(line: 2, message: CSVParser.strayQuoteMessage, raw: Array("An,\"Cống tắc".utf8))),
            .record(.init(line: 3, fields: ["Bình", "Đường ngập, nước tràn"], raw: Array("Bình,\"Đường ngập, nước tràn\"".utf8))),
            .record(.init(line: 4, fields: ["Chi", "Rác"], raw: Array("Chi,Rác".utf8))),
        ])
    }

    @Test("line ends inside quotes count as they do outside: LF, CRLF or CR alone", arguments: ["\n", "\r\n", "\r"])
    func lineEndsInQuotes(end: String) {
        let text = ["h,t", "An,\"x\(end)y\"", "Binh,\"open", "Chi,z"].joined(separator: end) + end
        let outputs = CSVParserTests.expectSameWhateverTheCuts(Array(text.utf8))
        let lines: [Int] = outputs.map {
            switch $0 {
            case let .record(record): record.line
            case let .problem(problem): problem.line
            }
        }
        #expect(lines == [1, 2, 4, 5])
        if case let .record(record) = outputs[1] { #expect(record.fields == ["An", "x\(end)y"]) } else { Issue.record("no record") }
    }

    @Test("a problem's bytes are its first line, at most the size limit, wherever the input was cut")
    func problemBytesCapped() {
        let outputs = CSVParserTests.expectSameWhateverTheCuts(Array("a,\"bbb\n\"\"\nb".utf8), maximumRecordBytes: 4)
        #expect(outputs.first == .problem(.init(line: 1, message: "bản ghi dài hơn 4 byte (có dấu ngoặc kép không đóng?)", raw: Array("a,\"b".utf8))))
        #expect(outputs.count == 3)
    }
}
