import Testing
@testable import VietText

struct NormalizeTests {
    @Test func ethBecomesDStroke() {
        #expect(VietText.normalize("Ðà Nẵng") == "Đà Nẵng")
        #expect(VietText.normalize("Ðoàn Thị Ðiểm") == "Đoàn Thị Điểm")
        #expect(VietText.normalize("ÐOÀN") == "ĐOÀN")
        #expect(VietText.normalize("Ðoan") == "Đoan")                    // a syllable on its own
        #expect(VietText.normalize("ðường") == "đường")
    }

    @Test func ethInForeignTextStays() {
        #expect(VietText.normalize("Guðrún Ðóra") == "Guðrún Ðóra")
    }

    @Test func everythingAtOnce() {
        // NFD, UTF-8 mojibake and eth together.
        let input = "Ð" + "ường Lê Văn Sỹ".decomposedStringWithCanonicalMappingForTests
        #expect(VietText.normalize(input) == "Đường Lê Văn Sỹ")
        #expect(VietText.normalize("Ph\u{00C6}\u{00B0}\u{00E1}\u{00BB}\u{009D}ng 12") == "Phường 12")
    }
}
