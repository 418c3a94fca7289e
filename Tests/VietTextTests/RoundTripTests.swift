import Testing
@testable import VietText

/// Every letter through every encoding and back.
struct RoundTripTests {
    static let letters: [String] = VietLetter.all.compactMap(\.scalar).filter { $0.value >= 0x80 }.map { String($0) }

    @Test(arguments: LegacyEncoding.allCases)
    func everyLetterRoundTrips(encoding: LegacyEncoding) throws {
        var unrepresentable: [String] = []
        for letter in Self.letters {
            guard let bytes = LegacyText.encode(letter, to: encoding) else {
                unrepresentable.append(letter)
                continue
            }
            let decoded = try LegacyText.decode(bytes, from: encoding)
            #expect(Array(decoded.utf8) == Array(VietText.nfc(letter).utf8), "\(letter) in \(encoding)")
        }
        if encoding == .tcvn3 {
            // TCVN3 has no codes for the 60 uppercase toned vowels (.VnTimeH draws lowercase codes).
            #expect(unrepresentable.count == 60)
            #expect(unrepresentable.allSatisfy { $0 == $0.uppercased() })
        } else {
            #expect(unrepresentable.isEmpty, "\(unrepresentable)")
        }
    }

    @Test(arguments: LegacyEncoding.allCases)
    func sentencesRoundTrip(encoding: LegacyEncoding) throws {
        let sentences = [
            "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc!",
            "Đơn khiếu nại về việc lấn chiếm đất đai tại phường Bảy Hiền, quận Tân Bình (lần 2).",
            "người dân phản ánh: đường Lê Văn Sỹ có ổ gà lớn, gây nguy hiểm? \"Đề nghị\" sửa gấp.",
            "ĐƯỜNG ỐNG NƯỚC BỊ VỠ",
            "giữa trưa, khuya, quyết định, thuở ấy, nghiêng ngả, dđ add C++ a\\b (x) 100%",
        ]
        for sentence in sentences {
            guard let bytes = LegacyText.encode(sentence, to: encoding) else {
                #expect(encoding == .tcvn3 && sentence.contains("ĐƯỜNG"), "\(sentence) in \(encoding)")
                continue
            }
            #expect(try LegacyText.decode(bytes, from: encoding) == sentence, "\(encoding)")
        }
    }

    @Test(arguments: [LegacyEncoding.cp1258, .tcvn3, .vni])
    func everyByteDecodesAndSurvives(encoding: LegacyEncoding) throws {
        for byte in UInt8.min...UInt8.max {
            let text = try LegacyText.decode([byte], from: encoding)
            #expect(!text.isEmpty)
            // The bytes may differ where two codes read the same (TCVN3 0xE0 and 0xB5 are both "à"),
            // but the text must come back.
            if let again = LegacyText.encode(text, to: encoding) {
                #expect(try LegacyText.decode(again, from: encoding) == text)
            } else if encoding == .tcvn3, let letter = VietLetter.lookup(text.unicodeScalars.first!),
                      letter.isUppercase, letter.tone != .none {
                // A free TCVN3 byte read as Windows-1252 "À": not a TCVN3 letter, so not writable.
                #expect([0xC0, 0xC1, 0xC3, 0xCD, 0xD9, 0xDA].contains(byte))
            } else {
                Issue.record("\(encoding): byte 0x\(String(byte, radix: 16)) decoded to something it cannot encode")
            }
        }
    }

    @Test func encodingFailsCleanly() {
        #expect(LegacyText.encode("Ấn Độ", to: .tcvn3) == nil)        // uppercase toned
        #expect(LegacyText.encode("Ω", to: .tcvn3) == nil)
        #expect(LegacyText.encode("Ω", to: .vni) == nil)
        #expect(LegacyText.encode("Ω", to: .cp1258) == nil)
        #expect(LegacyText.encode("Ω", to: .viqr) == nil)
        #expect(LegacyText.encode("aø", to: .vni) == nil)             // 0xF8 after a vowel is a grave mark
        #expect(LegacyText.encode("ø", to: .vni) == [0xF8])           // …but alone it is just ø
        #expect(LegacyText.encode("ñ", to: .vni) == nil)              // 0xF1 is always đ
        #expect(LegacyText.encode("áà", to: .viqr) == nil)            // two tones in one word
        #expect(LegacyText.encode("", to: .tcvn3) == [])
    }
}
