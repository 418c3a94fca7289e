import Testing
@testable import VietText

/// Windows-1258 fixtures from Microsoft's code page chart: precomposed â ê ô ơ ư ă đ, tones
/// 0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2 dot below.
struct CP1258Tests {
    @Test func decodesToNFC() throws {
        let viet = try LegacyText.decode([0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x4E, 0x61, 0x6D], from: .cp1258)
        #expect(viet == "Việt Nam")
        #expect(viet.unicodeScalars.count == 8)
        #expect(try LegacyText.decode([0x48, 0xE0, 0x20, 0x4E, 0xF4, 0xF2, 0x69], from: .cp1258) == "Hà Nội")
        #expect(try LegacyText.decode([0xD0, 0xFD, 0xF5, 0xCC, 0x6E, 0x67], from: .cp1258) == "Đường")
        #expect(try LegacyText.decode([0x31, 0x30, 0x30, 0x20, 0xFE], from: .cp1258) == "100 ₫")
    }

    @Test func encodingPrefersPrecomposedBytes() {
        #expect(LegacyText.encode("á", to: .cp1258) == [0xE1])
        #expect(LegacyText.encode("ấ", to: .cp1258) == [0xE2, 0xEC])
        #expect(LegacyText.encode("Ý", to: .cp1258) == [0x59, 0xEC])     // 0xDD is Ư, not Ý
        #expect(LegacyText.encode("ã", to: .cp1258) == [0x61, 0xDE])     // 0xE3 is ă, not ã
        #expect(LegacyText.encode("Đường", to: .cp1258) == [0xD0, 0xFD, 0xF5, 0xCC, 0x6E, 0x67])
    }
}
