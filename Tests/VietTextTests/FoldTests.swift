import Foundation
import Testing
@testable import VietText

struct FoldTests {
    @Test func foldsTheContractExample() {
        #expect(VietText.fold("TP. Hồ Chí Minh") == "tp ho chi minh")
    }

    @Test(arguments: [
        ("Đường Lê Văn Sỹ", "duong le van sy"),
        ("  P.12,  Q.TB!!! ", "p 12 q tb"),
        ("TP.HCM", "tp hcm"),
        ("Bà Rịa–Vũng Tàu", "ba ria vung tau"),
        ("ĐẮK LẮK", "dak lak"),
        ("Ðà Nẵng", "da nang"),                  // U+00D0 eth, as people type it
        ("Thừa Thiên\u{00A0}Huế\n\t", "thua thien hue"),
        ("Hà\u{00AD}Nội", "hanoi"),              // soft hyphen is inside the word
        ("«Khiếu nại» số 12/2025", "khieu nai so 12 2025"),
        ("", ""),
        (" ,.;!? ", ""),
    ])
    func folds(input: String, expected: String) {
        #expect(VietText.fold(input) == expected)
    }

    @Test func nfdAndWindows1258InputFoldLikeNFC() {
        let nfc = "Người dân phường Bảy Hiền"
        #expect(VietText.fold(nfc.decomposedStringWithCanonicalMapping) == "nguoi dan phuong bay hien")
        #expect(VietText.fold("Vi\u{00EA}\u{0323}t Nam") == "viet nam")
    }

    @Test func otherScriptsAreLowercasedAndKept() {
        #expect(VietText.fold("Москва, Ελλάδα") == "москва ελλάδα")
        #expect(VietText.fold("北京 😀 東京") == "北京 東京")
        #expect(VietText.fold("Straße ÆØ") == "strasse aeo")
    }

    @Test func lowercaseMappingThatGrowsTakesTheSlowPath() {
        // U+023A lowercases to U+2C65: two UTF-8 bytes become three, more than the fast buffer holds.
        #expect(VietText.fold(String(repeating: "\u{023A}", count: 20)) == String(repeating: "\u{2C65}", count: 20))
    }

    @Test func bytesAndBufferEntryPointsAgree() {
        let text = "Ủy ban MTTQ phường Bảy Hiền, quận Tân Bình"
        let bytes = VietText.foldedBytes(text)
        #expect(bytes == Array(VietText.fold(text).utf8))
        var buffer: [UInt8] = Array("stale content".utf8)
        VietText.fold(text, into: &buffer)
        #expect(buffer == bytes)
        VietText.fold("", into: &buffer)
        #expect(buffer.isEmpty)
    }

    @Test func everyLetterFoldsToItsASCIIBase() throws {
        for letter in VietLetter.all {
            let scalar = try #require(letter.scalar)
            let base = String(UnicodeScalar(letter.base))
            #expect(VietText.fold(String(scalar)) == base)
            #expect(VietText.deaccent(String(scalar)) == (letter.isUppercase ? base.uppercased() : base))
        }
    }

    /// The hand-written base-letter rows agree with Unicode: wherever Foundation decomposes a
    /// letter to an ASCII base, fold and deaccent give that base.
    @Test func baseTableAgreesWithUnicode() {
        var checked = 0
        for v in Array(UInt32(0xC0)..<0x250) + Array(UInt32(0x1E00)..<0x1F00) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            guard first.value < 0x80, first.properties.isAlphabetic, first != scalar else { continue }
            checked += 1
            #expect(VietText.deaccent(String(scalar)) == String(first), "U+\(String(v, radix: 16))")
            #expect(VietText.fold(String(scalar)) == String(first).lowercased(), "U+\(String(v, radix: 16))")
        }
        #expect(checked > 450)
    }

    @Test(arguments: [
        ("Đường Lê Văn Sỹ, TP. HCM", "Duong Le Van Sy, TP. HCM"),
        ("Ð", "D"),
        ("ỦY BAN NHÂN DÂN", "UY BAN NHAN DAN"),
        ("Khiếu nại (lần 2)!", "Khieu nai (lan 2)!"),
        ("plain ascii", "plain ascii"),
        ("", ""),
        ("Москва 😀", "Москва 😀"),
    ])
    func deaccents(input: String, expected: String) {
        #expect(VietText.deaccent(input) == expected)
    }

    @Test func deaccentHandlesNFD() {
        #expect(VietText.deaccent("Hồ Chí Minh".decomposedStringWithCanonicalMapping) == "Ho Chi Minh")
    }

    /// A loose guard that folding stays table-driven (the release figure is well under 1 µs).
    @Test func foldIsFast() {
        let text = String(repeating: "Đường Lê Văn Sỹ, phường 14, quận 3, TP. Hồ Chí Minh có ổ gà. ", count: 5)
        var buffer: [UInt8] = []
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<2000 { VietText.fold(text, into: &buffer) }
        }
        #expect(buffer.count > 200)
        #expect(elapsed < .seconds(1))
    }
}
