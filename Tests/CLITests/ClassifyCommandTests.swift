import Foundation
import Testing
import TestSupport
import Classifier
import Locality
@testable import CLI

/// `danvan classify` reads lines in batches on several threads and writes its JSON by hand: its
/// output must be, line for line and key for key, what the classifier and the place extractor
/// give when called directly, in input order, with bad lines reported as before.
@Suite("danvan classify")
struct ClassifyCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let modelPath = root.appendingPathComponent("routing-rules/model/classifier.tsv").path

    /// What a line of input must give.
    enum Expected {
        case skipped
        case result(id: String, text: String)
        case error(String)
    }

    /// ~300 lines: corpus texts with every kind of id and escaping, blank, odd and bad lines.
    static func input() throws -> (bytes: Data, expected: [Expected]) {
        let corpus = try String(contentsOfFile: root.appendingPathComponent("corpus/train.tsv").path, encoding: .utf8)
        let texts = corpus.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t", omittingEmptySubsequences: false).last }
            .map(String.init)
        var lines: [(bytes: [UInt8], expected: Expected)] = []
        func add(_ line: String, _ expected: Expected) { lines.append((Array(line.utf8), expected)) }
        for i in 0..<250 {
            let text = texts[(i * 37) % texts.count]
            let id: (json: String, value: String)
            switch i % 6 {
            case 0: id = ("\(i)", "\(i)")
            case 1: id = (quote("S-\(i)", style: i), "S-\(i)")
            case 2: id = (quote("mã \(i) \"é\"\\/\t😀", style: i), "mã \(i) \"é\"\\/\t😀")
            case 3: id = ("-\(i)0000000000000000000", "-\(i)0000000000000000000")
            case 4: id = ("null", "")
            default: id = (quote("\u{1}\u{1F}\u{7F}\u{2028}</x>", style: i + 1), "\u{1}\u{1F}\u{7F}\u{2028}</x>")
            }
            let body = quote(text, style: i)
            switch i % 4 {
            case 0: add(#"{"id":\#(id.json),"text":\#(body)}"#, .result(id: id.value, text: text))
            case 1: add(#"  { "text" : \#(body) , "id" : \#(id.json) }  "#, .result(id: id.value, text: text))
            case 2: add(#"{"meta":{"a":[1,2.5e-3,{"b":null}],"c":"\u00e9"},"id":\#(id.json),"n":-0.0,"t":true,"text":\#(body),"z":[]}"#,
                        .result(id: id.value, text: text))
            default: add("{\"id\":\(id.json),\"text\":\(body)}\r", .result(id: id.value, text: text))
            }
            // Odd and bad lines between the good ones, at fixed places.
            switch i {
            case 3: add("", .skipped)
            case 5: add(" \t ", .skipped)
            case 7: add("\u{A0}\u{3000}", .skipped)
            case 11: add(#"{"id":"e","text":""}"#, .result(id: "e", text: ""))
            case 13: add(#"{"id":"emoji","text":"\ud83d\ude00 khiếu nại \u0110ất đai\n\"x\"\u0000"}"#,
                         .result(id: "emoji", text: "😀 khiếu nại Đất đai\n\"x\"\u{0}"))
            case 17: add("not json", .error("line: is not a JSON object"))
            case 19: add("[1,2]", .error("line: is not a JSON object"))
            case 23: add(#"{"id":"x"}"#, .error("text: is missing or not a string"))
            case 29: add(#"{"id":"x","text":5}"#, .error("text: is missing or not a string"))
            case 31: add(#"{"id":"x","text":"a\ud800b"}"#, .error("line: is not a JSON object"))
            case 37: add(#"{"id":"x","text":"x",}"#, .error("line: is not a JSON object"))
            case 41: add(#"{"id":"x","text":"x"} {}"#, .error("line: is not a JSON object"))
            case 43: add("{\"id\":\"x\",\"text\":\"a\tb\"}", .error("line: is not a JSON object"))
            case 47: add(#"{"id":[1],"text":"x"}"#, .error("id: is not a string or a number"))
            case 53: add(#"{"id":"x","text":"unterminated"#, .error("line: is not a JSON object"))
            case 59: add(#"{"id":"dup","text":"first","text":"Tố cáo cán bộ xã nhận hối lộ"}"#,
                         .result(id: "dup", text: "Tố cáo cán bộ xã nhận hối lộ"))
            case 61: add("\u{FEFF}{\"id\":\"bom\",\"text\":\"Đường ở xã Tân Phú hư hỏng\"}", .result(id: "bom", text: "Đường ở xã Tân Phú hư hỏng"))
            case 67: add(#"{"id":1.5,"text":"x"}"#, .result(id: "1.5", text: "x"))
            case 71: add(#"{"id":1e3,"text":"x"}"#, .result(id: "1000.0", text: "x"))
            case 73: add(#"{"id":false,"text":"x"}"#, .result(id: "false", text: "x"))
            default: break
            }
        }
        add(#"{"id":"x","text":"bad \u12 escape"}"#, .error("line: is not a JSON object"))
        lines.append((Array(#"{"id":"last","text":"không có dấu xuống dòng"}"#.utf8), .result(id: "last", text: "không có dấu xuống dòng")))
        var bytes = Data()
        for (index, line) in lines.enumerated() {
            bytes.append(contentsOf: line.bytes)
            if index < lines.count - 1 { bytes.append(UInt8(ascii: "\n")) }
        }
        return (bytes, lines.map(\.expected))
    }

    /// A JSON string literal in one of four styles: plain UTF-8, every non-ASCII scalar as \u
    /// (surrogate pairs above U+FFFF), the short escapes and "\/", or upper-case hex.
    static func quote(_ text: String, style: Int) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "/" where style % 4 == 2: out += "\\/"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            case _ where scalar.value > 0x7F && style % 4 == 1:
                let units = Array(String(scalar).utf16)
                out += units.map { String(format: "\\u%04x", $0) }.joined()
            case _ where scalar.value > 0x7F && style % 4 == 3 && scalar.value < 0x10000:
                out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test("every line as the classifier and the extractor give it, in order, bad lines on stderr",
          arguments: [["--threads", "2", "--batch", "7"], ["--threads", "1"], []])
    func matchesDirectCalls(_ options: [String]) throws {
        let (bytes, expected) = try ClassifyCommandTests.input()
        let contents = try ClassifyCommand.read(ClassifyCommandTests.modelPath)
        let classifier = try ModelFile.read(contents, file: ClassifyCommandTests.modelPath)
        let version = ModelFile.version(of: contents)
        let extractor = LocalityExtractor()
        let result = try DanvanProcess.run(
            (["classify", "--model", ClassifyCommandTests.modelPath] + options).map { Array($0.utf8) }, stdin: bytes)

        #expect(result.status == 1)
        let errors = expected.enumerated().compactMap { number, line -> String? in
            if case let .error(message) = line { "error: stdin:\(number + 1): \(message)" } else { nil }
        }
        #expect(result.stderrLines == errors)

        let wanted = expected.compactMap { line -> (id: String, text: String)? in
            if case let .result(id, text) = line { (id, text) } else { nil }
        }
        let outputs = result.stdoutLines
        try #require(outputs.count == wanted.count)
        let decoder = JSONDecoder()
        for (index, (line, want)) in zip(outputs, wanted).enumerated() {
            let direct = ClassificationJSON(id: want.id, result: classifier.classify(want.text), modelVersion: version,
                                            locality: LocalityJSON(input: nil, result: extractor.locate(want.text)))
            guard case let .object(expectedObject) = try decoder.decode(JSONTree.self, from: JSONLines.encoder().encode(direct)),
                  case let .object(actualObject) = try decoder.decode(JSONTree.self, from: Data(line.utf8)) else {
                Issue.record("output \(index + 1) is not an object: \(line)")
                continue
            }
            #expect(actualObject.keys.sorted() == expectedObject.keys.sorted(), "output \(index + 1)")
            for (key, value) in expectedObject {
                #expect(actualObject[key] == value, "output \(index + 1) (id \(want.id)), key \(key)")
            }
        }
    }

    @Test("good input: exit 0, nothing on stderr, one line out per line in")
    func goodInput() throws {
        let input = (1...40).map { #"{"id":\#($0),"text":"Đề nghị sửa đường ở xã \#($0)"}"# }.joined(separator: "\n") + "\n"
        let result = try DanvanProcess.run(["classify", "--model", ClassifyCommandTests.modelPath, "--batch", "3"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdoutLines.count == 40)
        let ids = try result.stdoutLines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["id"] as? String ?? "?"
        }
        #expect(ids == (1...40).map(String.init))
    }
}
