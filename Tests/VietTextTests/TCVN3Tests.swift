import Testing
@testable import VietText

/// Fixtures written from the published TCVN 5712:1993 VN3 chart, not from our encoder.
struct TCVN3Tests {
    @Test func hanoi() throws {
        // "Hµ Néi": µ = 0xB5 à, é = 0xE9 ộ.
        #expect(try LegacyText.decode([0x48, 0xB5, 0x20, 0x4E, 0xE9, 0x69], from: .tcvn3) == "Hà Nội")
    }

    @Test func nationalMotto() throws {
        // "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
        let line1: [UInt8] = [0x43, 0xE9, 0x6E, 0x67, 0x20, 0x68, 0x6F, 0xB5, 0x20, 0x78, 0xB7, 0x20,
                              0x68, 0xE9, 0x69, 0x20, 0x63, 0x68, 0xF1, 0x20, 0x6E, 0x67, 0x68, 0xDC, 0x61, 0x20,
                              0x56, 0x69, 0xD6, 0x74, 0x20, 0x4E, 0x61, 0x6D]
        #expect(try LegacyText.decode(line1, from: .tcvn3) == "Cộng hoà xã hội chủ nghĩa Việt Nam")
        // "§éc lËp - Tù do - H¹nh phóc"
        let line2: [UInt8] = [0xA7, 0xE9, 0x63, 0x20, 0x6C, 0xCB, 0x70, 0x20, 0x2D, 0x20, 0x54, 0xF9, 0x20, 0x64, 0x6F,
                              0x20, 0x2D, 0x20, 0x48, 0xB9, 0x6E, 0x68, 0x20, 0x70, 0x68, 0xF3, 0x63]
        #expect(try LegacyText.decode(line2, from: .tcvn3) == "Độc lập - Tự do - Hạnh phúc")
    }

    @Test func modifiedLettersBothCases() throws {
        // ¡ ¢ £ ¤ ¥ ¦ § = Ă Â Ê Ô Ơ Ư Đ; ¨ © ª « ¬ ­ ® = ă â ê ô ơ ư đ
        let bytes: [UInt8] = Array(0xA1...0xAE)
        #expect(try LegacyText.decode(bytes, from: .tcvn3) == "ĂÂÊÔƠƯĐăâêôơưđ")
    }

    @Test func uppercaseFontCodesDecodeLowercase() throws {
        // "HÀ NỘI" typed in .VnTimeH is the same bytes as lowercase: the font draws capitals.
        #expect(try LegacyText.decode([0x48, 0xB5, 0x20, 0x4E, 0xE9, 0x49], from: .tcvn3) == "Hà NộI")
        #expect(LegacyText.encode("HÀ NỘI", to: .tcvn3) == nil)
    }

    @Test func encodesFromTheChart() {
        #expect(LegacyText.encode("Đà Nẵng", to: .tcvn3) == [0xA7, 0xB5, 0x20, 0x4E, 0xBD, 0x6E, 0x67])
        #expect(LegacyText.encode("người", to: .tcvn3) == [0x6E, 0x67, 0xAD, 0xEA, 0x69])
    }

    @Test func freeBytesKeepTheirWindowsMeaning() throws {
        // 0x93/0x94 curly quotes typed in Word, 0x96 en dash.
        #expect(try LegacyText.decode([0x93, 0x78, 0x94, 0x20, 0x96], from: .tcvn3) == "\u{201C}x\u{201D} \u{2013}")
    }
}
