import Testing
@testable import VietText

struct UTF8DecodingTests {
    @Test func decodesAndComposes() throws {
        #expect(try LegacyText.decode(Array("Hà Nội".utf8), from: .utf8) == "Hà Nội")
        #expect(try LegacyText.decode(Array("Vie\u{0323}\u{0302}t".utf8), from: .utf8) == "Việt")
        #expect(try LegacyText.decode([0xEF, 0xBB, 0xBF, 0x41], from: .utf8) == "A")     // BOM dropped
        #expect(try LegacyText.decode([], from: .utf8) == "")
    }

    @Test(arguments: [
        ([0x48, 0xC3, 0x28], 1),              // lead byte without continuation
        ([0x41, 0x42, 0xC0, 0xAF], 2),        // overlong "/"
        ([0xED, 0xA0, 0x80], 0),              // UTF-16 surrogate
        ([0x61, 0xE1, 0xBB], 1),              // truncated at the end
        ([0xF4, 0x90, 0x80, 0x80], 0),        // above U+10FFFF
        ([0x48, 0xB5, 0x20, 0x4E, 0xE9, 0x69], 1),  // TCVN3 "Hµ Néi"
        ([0x80], 0),
    ] as [([UInt8], Int)])
    func invalidBytesThrowWithOffset(bytes: [UInt8], offset: Int) {
        #expect(throws: TextDecodingError(encoding: .utf8, offset: offset, byte: bytes[offset])) {
            try LegacyText.decode(bytes, from: .utf8)
        }
    }

    @Test func errorDescriptionNamesTheByte() {
        let error = TextDecodingError(encoding: .utf8, offset: 12, byte: 0xB5)
        #expect(error.description == "invalid UTF-8 at byte offset 12 (0xB5)")
        #expect(TextDecodingError(encoding: .utf8, offset: 0, byte: 0x8).description.hasSuffix("(0x08)"))
    }

    @Test func invalidByteLateInALongLine() {
        var bytes = Array(String(repeating: "Việt Nam ", count: 100_000).utf8)
        bytes.append(0xFF)
        #expect(throws: TextDecodingError(encoding: .utf8, offset: bytes.count - 1, byte: 0xFF)) {
            try LegacyText.decode(bytes, from: .utf8)
        }
    }
}
