import Foundation
import Testing
import TestSupport
@testable import VietText

struct NFCTests {
    @Test func nfcTextIsReturnedUnchanged() {
        let text = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc ₫ 😀 北京"
        #expect(VietText.nfc(text) == text)
        #expect(Composition.isAlreadyNFC(text))
    }

    @Test func nfdVietnameseComposes() {
        let nfd = "Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t, ngu\u{031B}o\u{031B}\u{0300}i Ha\u{0300} No\u{0323}\u{0302}i"
        let composed = VietText.nfc(nfd)
        #expect(composed == "Tiếng Việt, người Hà Nội")
        #expect(composed.unicodeScalars.count == 24)
    }

    @Test func windows1258StyleComposes() {
        // Precomposed vowel with modifier, then a separate tone mark, as Windows-1258 stores it.
        #expect(VietText.nfc("Vi\u{00EA}\u{0323}t Nam") == "Việt Nam")
        #expect(VietText.nfc("\u{0110}\u{01B0}\u{01A1}\u{0300}ng") == "Đường")
        #expect(VietText.nfc("\u{00D4}\u{0323}") == "Ộ")
    }

    @Test func markOrderFollowsUnicode() {
        #expect(VietText.nfc("o\u{0323}\u{031B}") == "ợ")       // reordered: horn (216) before dot (220)
        #expect(VietText.nfc("\u{1ECD}\u{031B}") == "ợ")        // ọ + horn
        #expect(VietText.nfc("a\u{0302}\u{0323}") == "ậ")
        #expect(VietText.nfc("a\u{0323}\u{0306}") == "ặ")
        // Tone before circumflex (both class 230) does not compose into ấ: NFC is á + U+0302.
        #expect(VietText.nfc("a\u{0301}\u{0302}") == "\u{00E1}\u{0302}")
        #expect(VietText.nfc("a\u{0341}") == "á")                // deprecated tone mark U+0341
    }

    @Test func nonVietnameseCompositionStillWorks() {
        #expect(VietText.nfc("n\u{0303}") == "ñ")
        #expect(VietText.nfc("\u{1100}\u{1161}") == "가")
        #expect(VietText.nfc("\u{212B}") == "Å")                // singleton decomposition
        #expect(VietText.nfc("\u{0301}abc") == "\u{0301}abc")   // leading mark stays
    }

    @Test func everyLetterComposesFromItsDecomposition() throws {
        for letter in VietLetter.all {
            let scalar = try #require(letter.scalar)
            let nfd = String(scalar).decomposedStringWithCanonicalMapping
            #expect(VietText.nfc(nfd) == String(scalar))
        }
    }

    /// Random sequences of vowels, consonants and marks: ours must equal Foundation's NFC.
    @Test func randomSequencesMatchFoundation() {
        let pieces: [String] = ["a", "e", "o", "u", "i", "y", "A", "O", "U", "n", "d", " ", "ô", "ơ", "ư", "ạ", "ả", "ê",
                                "\u{0300}", "\u{0301}", "\u{0302}", "\u{0303}", "\u{0306}", "\u{0309}", "\u{031B}",
                                "\u{0323}", "\u{0340}", "\u{0308}"]
        var generator = SplitMix64(seed: 1456)
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                s += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            #expect(VietText.nfc(s) == s.precomposedStringWithCanonicalMapping, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The ranges the fast path trusts really are unchanged by NFC, class 0, and never compose.
    @Test func inertRangesAreInert() {
        var checked = 0
        for v in UInt32(0)..<0x20000 where Composition.isInert(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            checked += 1
            let s = String(scalar)
            #expect(s.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(s.unicodeScalars), "U+\(String(v, radix: 16))")
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(v, radix: 16))")
        }
        #expect(checked > 30_000)
    }

    @Test func largeNFDInput() {
        let nfd = String(repeating: "Vie\u{0323}\u{0302}t Nam ", count: 100_000)
        let composed = VietText.nfc(nfd)
        let matches = composed == String(repeating: "Việt Nam ", count: 100_000)
        #expect(matches)
    }
}
