import Foundation
import Testing
@testable import VietText

struct MojibakeTests {
    /// UTF-8 bytes read as Windows-1252, the way Foundation (an independent table) does it.
    private func garble(_ s: String) throws -> String {
        try #require(String(data: Data(s.utf8), encoding: .windowsCP1252))
    }

    @Test func utf8ReadAsWindows1252() throws {
        #expect(VietText.repairMojibake("H\u{00C3}\u{00A0} N\u{00E1}\u{00BB}\u{2122}i") == "Hà Nội")
        // đường: C4 91 / C6 B0 / E1 BB 9D — 0x9D is unassigned in 1252 and arrives as U+009D.
        #expect(VietText.repairMojibake("\u{00C4}\u{2018}\u{00C6}\u{00B0}\u{00E1}\u{00BB}\u{009D}ng") == "đường")
        for sentence in DetectionTests.vietnamese where !sentence.contains("ờ") && !sentence.contains("Ờ") {
            #expect(VietText.repairMojibake(try garble(sentence)) == sentence)
        }
    }

    @Test func symbolsAreRepairedAlongWithLetters() throws {
        let text = "Thửa đất 62 m² (đo năm 2025: 58,4 m²)"
        #expect(VietText.repairMojibake(try garble(text)) == text)
    }

    @Test func garbledTwice() throws {
        let once = try garble("Khiếu nại đất đai")
        let twice = try garble(once)
        #expect(VietText.repairMojibake(twice) == "Khiếu nại đất đai")
    }

    @Test func curlyQuotesAndDashes() {
        // “ ” – as UTF-8 read in Windows-1252: â€œ â€\u{9D} â€“
        #expect(VietText.repairMojibake("\u{00E2}\u{20AC}\u{0153}Ok\u{00E2}\u{20AC}\u{009D} \u{00E2}\u{20AC}\u{201C} xong")
                == "“Ok” – xong")
    }

    @Test func legacyBytesReadAsWindows1252() {
        #expect(VietText.repairMojibake("Hµ Néi") == "Hà Nội")                                          // TCVN3
        #expect(VietText.repairMojibake("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam")
        #expect(VietText.repairMojibake("Haø Noäi") == "Hà Nội")                                       // VNI
        // Abbreviations that are not syllables ("cđt", "hđ") do not stop the repair.
        #expect(VietText.repairMojibake("c®t thu thªm tiÒn khi giao nhµ, ko cã trong h®")
                == "cđt thu thêm tiền khi giao nhà, ko có trong hđ")
        #expect(VietText.repairMojibake("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam")
        #expect(VietText.repairMojibake("Vi\u{00EA}\u{00F2}t Nam, H\u{00E0} N\u{00F4}\u{00F2}i") == "Việt Nam, Hà Nội")  // 1258
        // Line by line: only the garbled line changes.
        #expect(VietText.repairMojibake("Nguyễn Văn An\nHµ Néi, ViÖt Nam\n") == "Nguyễn Văn An\nHà Nội, Việt Nam\n")
        #expect(VietText.repairMojibake("Nguyễn Văn An\r\nHµ Néi, ViÖt Nam") == "Nguyễn Văn An\r\nHà Nội, Việt Nam")
        // One odd word is not enough evidence to rewrite text.
        #expect(VietText.repairMojibake("Néi") == "Néi")
        #expect(VietText.repairMojibake("x·y") == "x·y")
    }

    @Test(arguments: [
        "Hà Nội", "Cộng hòa xã hội chủ nghĩa Việt Nam", "Tôi tên là Hiếu", "café crème brûlée", "BÉ”",
        "NGÃ", "Ã", "Â°C", "plain ascii", "", "Москва", "ĐƯỜNG ỐNG", "Đơn", "à la carte",
    ])
    func correctTextIsLeftAlone(text: String) {
        #expect(VietText.repairMojibake(text) == text)
        #expect(VietText.normalize(text) == VietText.nfc(text))
    }
}
