import Foundation
import Testing
import TestSupport
@testable import CLI
import JSONText

/// The reader and writer `classify` uses instead of JSONSerialization and JSONEncoder.
@Suite("JSON lines: strict reader and byte writer")
struct JSONLineCodecTests {
    static func members(_ line: String) throws -> [(name: String, value: JSONInputValue)] {
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in try StrictJSONReader.members(of: buffer) }
    }

    static func text(_ line: String) throws -> String? {
        guard case let .string(text)? = try members(line).last(where: { $0.name == "text" })?.value else { return nil }
        return text
    }

    @Test("strings with escapes read as JSONSerialization reads them", arguments: [
        #"{"text":"plain"}"#,
        #"{"text":"Khiếu nại \"đất\" ở C:\\x\/y"}"#,
        #"{"text":"\b\f\n\r\t\u0000\u001f\u007f"}"#,
        #"{"text":"\u0110\u1ea5t \u00C9 \ud83d\ude00 \uD834\uDD1E"}"#,
        #"{"text":"mixed raw đ and \u0111 and 😀"}"#,
        #"{"text":""}"#,
        #"{"te\u0078t":"escaped name"}"#,
        " \t\r\n{ \"text\" : \"spaced\" , \"a\" : [ 1 , { \"b\" : [ ] } ] } \n",
        #"{"n":[-0, 0.5, 1e10, -2.5E-3, 10, 1E+2],"t":true,"f":false,"z":null,"o":{},"text":"after values"}"#,
    ])
    func readsLikeJSONSerialization(_ line: String) throws {
        let expected = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(try JSONLineCodecTests.text(line) == expected?["text"] as? String)
    }

    @Test("a line that is not exactly one JSON object is refused", arguments: [
        "", "   ", "[]", "\"text\"", "5", "null", "{", "}", #"{"text":"x",}"#, #"{"text":"x"} x"#, #"{"text":"x"}{}"#,
        #"{"text" "x"}"#, #"{text:"x"}"#, "{'text':'x'}", #"{"text":"x" "#, #"{"text":"unterminated}"#,
        "{\"text\":\"raw\ttab\"}", "{\"text\":\"raw\nnewline\"}", #"{"text":"\x"}"#, #"{"text":"\u12"}"#,
        #"{"text":"\u12g4"}"#, #"{"text":"\ud800"}"#, #"{"text":"\ud800x"}"#, #"{"text":"\ud800\u0041"}"#,
        #"{"text":"\udc00\ud800"}"#, #"{"n":01}"#, #"{"n":1.}"#, #"{"n":.5}"#, #"{"n":1e}"#, #"{"n":-}"#, #"{"n":+1}"#,
        #"{"n":NaN}"#, #"{"n":Infinity}"#, #"{"n":tru}"#, #"{"n":nul}"#, #"{"a":[1,]}"#, #"{"a":[1 2]}"#, #"{"a":{"b"}}"#,
        "{\"n\":1}\u{0}", "\u{FEFF}", "{\"text\":\"x\"}\u{A0}",
    ])
    func refuses(_ line: String) {
        #expect(throws: StrictJSONReader.SyntaxError.self) { try JSONLineCodecTests.members(line) }
    }

    @Test("members keep their order, numbers as written, nested values only checked")
    func members() throws {
        let members = try JSONLineCodecTests.members(#"{"id":12345678901234567890,"x":{"y":[1,"\u00e9"]},"id":-1.5e3,"b":true,"n":null,"a":[],"s":["a","\u00e9"],"m":[1,"a"]}"#)
        #expect(members.map(\.name) == ["id", "x", "id", "b", "n", "a", "s", "m"])
        #expect(members.map(\.value) == [.number("12345678901234567890"), .object, .number("-1.5e3"), .bool(true), .null, .strings([]),
                                         .strings(["a", "é"]), .array])
        #expect(try JSONLineCodecTests.members("\u{FEFF}{}").isEmpty)
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: StrictJSONReader.SyntaxError.self) { try JSONLineCodecTests.members(#"{"a":\#(deep)}"#) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(try JSONLineCodecTests.members(#"{"a":\#(fine)}"#).count == 1)
    }

    @Test("bytes that are not UTF-8 inside a string become U+FFFD, as readLine made them")
    func invalidUTF8() throws {
        let bytes: [UInt8] = Array(#"{"text":"a"#.utf8) + [0xFF, 0xE1, 0x80] + Array(#"b"}"#.utf8)
        let members = try bytes.withUnsafeBufferPointer { try StrictJSONReader.members(of: $0) }
        #expect(members.first?.value == .string("a\u{FFFD}\u{FFFD}b"))
        let outside: [UInt8] = Array(#"{"text":"a"}"#.utf8) + [0xFF]
        #expect(throws: StrictJSONReader.SyntaxError.self) { try outside.withUnsafeBufferPointer { try StrictJSONReader.members(of: $0) } }
    }

    static let trickyStrings: [String] = [
        "", "plain", "Khiếu nại đất đai ở Phường Bình Tân", "\"quoted\" and \\backslash\\ and /slash/",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F}\u{80}\u{9F}\u{A0}\u{2028}\u{2029}\u{FEFF}\u{FFFE}",
        "😀 \u{1D11E} \u{10FFFF}", "</script>", "e\u{301} (combining)", "tab\there\r\nnext",
    ]

    @Test("strings are written as JSONLines' encoder writes them", arguments: trickyStrings)
    func writesStrings(_ text: String) throws {
        var writer = JSONByteWriter()
        writer.string(text)
        let encoded = try JSONLines.encoder().encode([text])
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: encoded.dropFirst().dropLast(), as: UTF8.self))
        // And read back as they were.
        let line = Array(#"{"text":"#.utf8) + writer.bytes + [UInt8(ascii: "}")]
        let back = try line.withUnsafeBufferPointer { try StrictJSONReader.members(of: $0) }
        #expect(back.first?.value == .string(text))
    }

    @Test("doubles are written as JSONLines' encoder writes them")
    func writesDoubles() throws {
        var values: [Double] = (0...1000).map { Double($0) / 1000 }
        values += (0...1000).map { (Double($0) / 7 * 1000).rounded() / 1000 }
        let special: [Double] = [0, -0.5, 1, 2, 4.3, 10, 100, 3.3000000000000003, 0.1 + 0.2, 1e-5, 1e-7, 123456.789, 1e15,
                                 1e16, 1e17, 2.5e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        values += special
        var generator = SplitMix64(seed: 18)
        values += (0..<500).map { _ in Double.random(in: -1000...1000, using: &generator) }
        for value in values {
            var writer = JSONByteWriter()
            writer.double(value)
            let encoded = try JSONLines.encoder().encode([value])
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: encoded.dropFirst().dropLast(), as: UTF8.self),
                    "\(value)")
        }
    }

    @Test("NaN and infinity are not JSON: null is written and the writer says so")
    func nonFinite() {
        for value in [Double.nan, .infinity, -.infinity] {
            var writer = JSONByteWriter()
            writer.double(value)
            #expect(writer.bytes == Array("null".utf8))
            #expect(writer.wroteNonFinite)
        }
        var writer = JSONByteWriter()
        writer.double(0.5)
        #expect(!writer.wroteNonFinite)
    }

    @Test("random strings survive writing and reading back")
    func roundTrip() throws {
        var generator = SplitMix64(seed: 5)
        let pool: [Unicode.Scalar] = ["a", "đ", "Ấ", "\"", "\\", "/", "\n", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "😀", "\u{301}", " "]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...20, using: &generator) { text.unicodeScalars.append(pool.randomElement(using: &generator)!) }
            var writer = JSONByteWriter()
            writer.raw("{\"text\":")
            writer.string(text)
            writer.raw("}")
            let back = try writer.bytes.withUnsafeBufferPointer { try StrictJSONReader.members(of: $0) }
            #expect(back.first?.value == .string(text))
        }
    }
}
