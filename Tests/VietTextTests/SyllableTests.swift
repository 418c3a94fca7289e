import Testing
@testable import VietText

struct SyllableTests {
    @Test func splitsAtSpacesAndPunctuation() {
        #expect(VietText.syllables("P.12, Q. Tân Bình") == ["P", "12", "Q", "Tân", "Bình"])
        #expect(VietText.syllables("Bà Rịa–Vũng Tàu") == ["Bà", "Rịa", "Vũng", "Tàu"])
        #expect(VietText.syllables("  \"Đề nghị\" (lần 2)!! ") == ["Đề", "nghị", "lần", "2"])
        #expect(VietText.syllables("TP.HCM F12") == ["TP", "HCM", "F12"])
        #expect(VietText.syllables("") == [])
        #expect(VietText.syllables(" ,.- ") == [])
    }

    @Test func returnsNFCAsWritten() {
        let words = VietText.syllables("Người Hà Nội".decomposedStringWithCanonicalMappingForTests)
        #expect(words == ["Người", "Hà", "Nội"])
        #expect(words.map { $0.unicodeScalars.count } == [5, 2, 3])
    }

    @Test func otherScripts() {
        #expect(VietText.syllables("Москва-2 東京") == ["Москва", "2", "東京"])
    }

    @Test(arguments: ["nghiêng", "Việt", "quốc", "giường", "người", "khuya", "gì", "xoong", "ĐỨC", "thuở", "quyết", "oách",
                      "hòa", "hoà", "thủy", "thuỷ", "VIệT"])
    func validSyllables(word: String) {
        #expect(VietText.isVietnameseSyllable(word))
    }

    @Test(arguments: ["Vieät", "néi", "màt", "Hµ", "aø", "tiếngg", "qa", "chaùo", "", "Ná»™i", "ứơ",
                      "phơì", "KÝnh", "ViỆt", "că", "míà", "hóang", "nghịng", "xòong"])
    func invalidSyllables(word: String) {
        #expect(!VietText.isVietnameseSyllable(word))
    }
}
