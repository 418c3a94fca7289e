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

    /// `normalize` as it was before the fast path: every repair tried in turn.
    private func slowNormalize(_ s: String) -> String {
        var text = Composition.nfc(s)
        let repaired = MojibakeRepair.repair(text)
        if repaired != text { text = Composition.nfc(repaired) }
        return EthCorrection.apply(text)
    }

    @Test("the fast path for clean text changes no result", arguments: [
        "Kính gửi UBND phường Bảy Hiền. Đề nghị kiểm tra việc lấn chiếm vỉa hè.",
        "Nguyễn Văn An\nHµ Néi, ViÖt Nam\n", "Hµ Néi", "Haø Noäi", "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
        "H\u{00C3}\u{00A0} N\u{00E1}\u{00BB}\u{2122}i", "Ph\u{00C6}\u{00B0}\u{00E1}\u{00BB}\u{009D}ng 12",
        "Vi\u{00EA}\u{00F2}t Nam, H\u{00E0} N\u{00F4}\u{00F2}i", "Ðà Nẵng", "Guðrún Ðóra", "café crème",
        "Đường ngập\nphuong 14 quan tan binh\nKhu phố 6", "Đường\r\nNéi", "x·y", "Néi", "🏠 nhà số 5", "",
        "Đ" + "ường".decomposedStringWithCanonicalMappingForTests, "ơ¢ư€", "Ăn ở",
    ])
    func fastPathAgrees(text: String) {
        #expect(VietText.normalize(text) == slowNormalize(text))
    }

    @Test("text that may need repair is never taken as clean")
    func precheckRefusesSuspects() {
        for suspect in ["Hµ Néi", "Haø Noäi", "H\u{00C3}\u{00A0} N\u{00E1}\u{00BB}\u{2122}i", "Ðà Nẵng",
                        "Nguyễn Văn An\nHµ Néi", "café"] {
            var copy = suspect
            let clean = copy.withUTF8(RepairPrecheck.needsNoRepair)
            #expect(!clean, "\(suspect)")
        }
        var text = "Kính gửi UBND phường Bảy Hiền\nphuong 14"
        let clean = text.withUTF8(RepairPrecheck.needsNoRepair)
        #expect(clean)
    }
}
