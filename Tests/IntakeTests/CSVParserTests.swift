import Testing
import TestSupport
@testable import Intake

@Suite("CSV parser, streamed")
struct CSVParserTests {
    static let sample = Array(("Họ tên,Nội dung,Ghi chú\r\n"
        + "\"Nguyễn Văn \"\"Tư\"\"\",\"dòng một\r\ndòng hai, có phẩy\",\r\n"
        + "Trần Thị B,\"\",x\r\n"
        + "\r\n"
        + "Lê C,\"mở \"\"ngoặc\"\" rồi\"\"\",cuối\n"
        + "\"\"\n"
        + "không xuống dòng ở cuối,a,b").utf8)

    static func parse(_ bytes: [UInt8], cuts: [Int]) -> [CSVParser.Output] {
        var parser = CSVParser(delimiter: UInt8(ascii: ","))
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
        let expected: [CSVParser.Output] = [
            .record(.init(line: 1, fields: ["Họ tên", "Nội dung", "Ghi chú"])),
            .record(.init(line: 2, fields: ["Nguyễn Văn \"Tư\"", "dòng một\r\ndòng hai, có phẩy", ""])),
            .record(.init(line: 4, fields: ["Trần Thị B", "", "x"])),
            .record(.init(line: 6, fields: ["Lê C", "mở \"ngoặc\" rồi\"", "cuối"])),
            .record(.init(line: 7, fields: [""])),
            .record(.init(line: 8, fields: ["không xuống dòng ở cuối", "a", "b"])),
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

    @Test("an unclosed quote is one problem naming the line where its record starts")
    func unclosedQuote() {
        let outputs = CSVParserTests.parse(Array("a,b\n1,\"2\n3,4\n".utf8), cuts: [5])
        #expect(outputs == [.record(.init(line: 1, fields: ["a", "b"])),
                            .problem(.init(line: 2, message: "một ô mở dấu ngoặc kép nhưng không đóng"))])
    }

    @Test("a record over the size limit is reported, not held")
    func oversize() {
        var parser = CSVParser(delimiter: UInt8(ascii: ","), maximumRecordBytes: 10)
        var outputs: [CSVParser.Output] = []
        parser.feed(Array("ok,1\n\"\(String(repeating: "x", count: 50))\",2\nnext,3\n".utf8)) { outputs.append($0) }
        parser.finish { outputs.append($0) }
        #expect(outputs.count == 3)
        #expect(outputs[1] == .problem(.init(line: 2, message: "bản ghi dài hơn 10 byte (có dấu ngoặc kép không đóng?)")))
        #expect(outputs[2] == .record(.init(line: 3, fields: ["next", "3"])))
    }
}
