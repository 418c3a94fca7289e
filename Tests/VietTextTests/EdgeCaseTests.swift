import Testing
import TestSupport
@testable import VietText

/// Nothing traps: empty input, control characters, lone marks, random bytes, a 1 MB single line.
struct EdgeCaseTests {
    @Test func emptyEverywhere() throws {
        #expect(VietText.nfc("") == "")
        #expect(VietText.normalize("") == "")
        #expect(VietText.fold("") == "")
        #expect(VietText.foldedBytes("") == [])
        #expect(VietText.deaccent("") == "")
        #expect(VietText.syllables("") == [])
        #expect(VietText.repairMojibake("") == "")
        for encoding in LegacyEncoding.allCases {
            #expect(try LegacyText.decode([], from: encoding) == "")
            #expect(LegacyText.encode("", to: encoding) == [])
        }
    }

    @Test func oddCharacters() {
        let odd = "\u{0}\u{0301}\u{0323}\u{FEFF}\u{200D}a\u{0301}\u{0301}\u{0301}\u{10FFFF}\u{1F600}\u{0308}"
        #expect(VietText.nfc(odd) == VietText.nfc(VietText.nfc(odd)))
        #expect(VietText.fold(odd) == "a")
        #expect(!VietText.normalize(odd).isEmpty)
        #expect(VietText.syllables(odd).count >= 1)
    }

    @Test func randomBytesDecodeInEveryLegacyEncoding() throws {
        var generator = SplitMix64(seed: 5712)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for encoding in [LegacyEncoding.cp1258, .tcvn3, .vni, .viqr] {
                let text = try LegacyText.decode(bytes, from: encoding)
                #expect(VietText.nfc(text) == text)
            }
            _ = LegacyText.detect(bytes)
            _ = VietText.normalize(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func oneMegabyteSingleLine() throws {
        let unit = "Đường Lê Văn Sỹ, phường 14, quận 3, TP. Hồ Chí Minh có ổ gà lớn. "
        let line = String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1)
        #expect(line.utf8.count > 1_000_000)
        // Compared into Bools first so that a failure does not print a megabyte.
        let nfcUnchanged = VietText.nfc(line) == line
        let normalizeUnchanged = VietText.normalize(line) == line
        #expect(nfcUnchanged)
        #expect(normalizeUnchanged)
        let folded = VietText.fold(line)
        #expect(folded.hasPrefix("duong le van sy phuong 14 quan 3 tp ho chi minh co o ga lon duong"))
        #expect(VietText.deaccent(line).hasPrefix("Duong Le Van Sy"))
        #expect(VietText.syllables(line).count == 16 * (1_000_000 / unit.utf8.count + 1))
        let bytes = Array(line.utf8)
        #expect(LegacyText.detect(bytes) == .utf8)
        let utf8RoundTrip = try LegacyText.decode(bytes, from: .utf8) == line
        #expect(utf8RoundTrip)
        let lowercase = line.lowercased()
        let tcvn = try #require(LegacyText.encode(lowercase, to: .tcvn3) as [UInt8]?, "TCVN3 encoding failed")
        #expect(LegacyText.detect(tcvn) == .tcvn3)
        let tcvnRoundTrip = try LegacyText.decode(tcvn, from: .tcvn3) == lowercase
        #expect(tcvnRoundTrip)
    }

    @Test func encodingNames() {
        #expect(LegacyEncoding.allCases.map(\.rawValue) == ["utf8", "cp1258", "tcvn3", "vni", "viqr"])
        #expect(LegacyEncoding(name: "UTF-8") == .utf8)
        #expect(LegacyEncoding(name: "windows-1258") == .cp1258)
        #expect(LegacyEncoding(name: "ABC") == .tcvn3)
        #expect(LegacyEncoding(name: "VNI-Windows") == .vni)
        #expect(LegacyEncoding(name: "latin1") == nil)
    }
}
