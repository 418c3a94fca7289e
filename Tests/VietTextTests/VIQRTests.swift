import Testing
@testable import VietText

/// RFC 1456 VIQR.
struct VIQRTests {
    private func decode(_ s: String) throws -> String { try LegacyText.decode(Array(s.utf8), from: .viqr) }

    @Test func rfcExamples() throws {
        #expect(try decode("Vie^.t Nam") == "Việt Nam")
        #expect(try decode("To^i ye^u tie^'ng nu+o+'c to^i tu+` khi mo+'i ra ddo+`i\\.")
                == "Tôi yêu tiếng nước tôi từ khi mới ra đời.")
        #expect(try decode("O^ng te^n gi`\\? To^i te^n la` Tra^`n Va(n Hie^'u\\.")
                == "Ông tên gì? Tôi tên là Trần Văn Hiếu.")
    }

    @Test func dStroke() throws {
        #expect(try decode("DDu+'c, Du+'c va` ddu+'c") == "Đức, Dức và đức")
        #expect(try decode("Dda`") == "Đà")
        #expect(try decode("a\\dd") == "ad" + "d")          // escaped first d stays a d
    }

    @Test func marksOnlyWhereTheyMakeALetter() throws {
        #expect(try decode("C++ (x) what? 3.5") == "C++ (x) what? 3.5")
        #expect(try decode("i^") == "i^")                   // i takes no circumflex
        #expect(try decode("a\\'") == "a'")
        #expect(try decode("back\\\\slash") == "back\\slash")
    }

    @Test func unescapedSentenceEndAfterAToneIsPunctuation() throws {
        #expect(try decode("Hie^'u.") == "Hiếu.")
        #expect(try decode("Ba'c Ho^` ma~i ma~i so^'ng?") == "Bác Hồ mãi mãi sống?")
    }

    @Test func hornVariantAndCase() throws {
        #expect(try decode("THU*O*`NG") == "THƯỜNG")
        #expect(try decode("A^'N DDO^.") == "ẤN ĐỘ")
    }

    @Test func encodesWithEscapes() throws {
        let encoded = try #require(LegacyText.encode("Ông tên gì? Tôi là Hiếu.", to: .viqr))
        #expect(String(decoding: encoded, as: UTF8.self) == "O^ng te^n gi`\\? To^i la` Hie^'u\\.")
        let tricky = "dđ add C++ a\\b what? (x)"
        let bytes = try #require(LegacyText.encode(tricky, to: .viqr))
        #expect(try LegacyText.decode(bytes, from: .viqr) == tricky)
    }
}
