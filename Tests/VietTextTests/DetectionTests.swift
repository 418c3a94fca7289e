import Testing
@testable import VietText

struct DetectionTests {
    static let vietnamese = [
        "Kính gửi UBND phường Bảy Hiền. Tôi tên là Trần Thị Mai, cư trú tại số 12 đường Lê Văn Sỹ.",
        "Nay tôi làm đơn này khiếu nại việc hộ liền kề lấn chiếm đất đai, xây tường rào sang phần đất của gia đình tôi.",
        "Đề nghị các cơ quan chức năng xem xét, giải quyết dứt điểm để người dân yên tâm sinh sống.",
    ]
    static let english = [
        "The quick brown fox jumps over the lazy dog.",
        "I'm fine, thanks. See you at 9 a.m. tomorrow, OK? Don't be late!",
        "Please find attached the report (v2.1); e.g. section 3.4 covers the budget.",
        "What? Who's there... It's me. You're right, we'll go.",
    ]

    @Test func emptyIsUTF8() {
        #expect(LegacyText.detect([]) == .utf8)
    }

    @Test func utf8Vietnamese() {
        for sentence in Self.vietnamese {
            #expect(LegacyText.detect(Array(sentence.utf8)) == .utf8)
            #expect(LegacyText.detect(Array(sentence.decomposedStringWithCanonicalMappingForTests.utf8)) == .utf8)
        }
    }

    @Test func plainASCIIStaysUTF8() {
        for sentence in Self.english + ["dat dai bi lan chiem, de nghi giai quyet", "P.12, Q.TB, TP.HCM", "a.m. i.e. e.g."] {
            #expect(LegacyText.detect(Array(sentence.utf8)) == .utf8, "\(sentence)")
        }
    }

    @Test func viqr() {
        let samples = [
            "Vie^.t Nam",
            "To^i ye^u tie^'ng nu+o+'c to^i tu+` khi mo+'i ra ddo+`i\\.",
            "Ke'nh gu+?i UBND phu+o+`ng Ba?y Hie^`n: ddo+n khie^'u na.i ve^` vie^.c la^'n chie^'m dda^'t.",
        ]
        for sample in samples {
            #expect(LegacyText.detect(Array(sample.utf8)) == .viqr, "\(sample)")
        }
    }

    @Test func tcvn3HeadingInTheUppercaseFont() throws {
        // "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM": capitals typed in .VnTimeH, toned letters as their
        // (lowercase) codes.
        let heading: [UInt8] = [0x43, 0xE9, 0x4E, 0x47, 0x20, 0x48, 0x4F, 0xB5, 0x20, 0x58, 0xB7, 0x20, 0x48, 0xE9,
                                0x49, 0x20, 0x43, 0x48, 0xF1, 0x20, 0x4E, 0x47, 0x48, 0xDC, 0x41, 0x20, 0x56, 0x49,
                                0xD6, 0x54, 0x20, 0x4E, 0x41, 0x4D]
        #expect(LegacyText.detect(heading) == .tcvn3)
        #expect(try LegacyText.decode(heading, from: .tcvn3) == "CộNG HOà Xã HộI CHủ NGHĩA VIệT NAM")
    }

    @Test func handWrittenLegacyFixtures() {
        #expect(LegacyText.detect([0x48, 0xB5, 0x20, 0x4E, 0xE9, 0x69]) == .tcvn3)                       // Hµ Néi
        #expect(LegacyText.detect([0x48, 0x61, 0xF8, 0x20, 0x4E, 0x6F, 0xE4, 0x69]) == .vni)             // Haø Noäi
        #expect(LegacyText.detect([0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x4E, 0x61, 0x6D]) == .cp1258)    // Việt Nam
        #expect(LegacyText.detect([0x58, 0x69, 0x6E, 0x20, 0x63, 0x68, 0x61, 0xF8, 0x6F]) == .vni)       // Xin chaøo
    }

    @Test(arguments: [LegacyEncoding.cp1258, .tcvn3, .vni, .viqr, .utf8])
    func paragraphsAreDetected(encoding: LegacyEncoding) throws {
        for sentence in Self.vietnamese {
            // TCVN3 has no uppercase toned letters; the sentences only have untoned capitals.
            let bytes = try #require(LegacyText.encode(sentence, to: encoding))
            #expect(LegacyText.detect(bytes) == encoding, "\(sentence) in \(encoding)")
            #expect(try LegacyText.decodeDetectingEncoding(bytes).text == sentence)
        }
    }

    @Test func westernWindowsTextReadsAsWindows1258() throws {
        // "Café crème, “quoted”" in Windows-1252: no Vietnamese, still decoded as written.
        let bytes: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65, 0x2C, 0x20, 0x93, 0x71, 0x75,
                              0x6F, 0x74, 0x65, 0x64, 0x94]
        #expect(LegacyText.detect(bytes) == .cp1258)
        #expect(try LegacyText.decodeDetectingEncoding(bytes).text == "Café crème, “quoted”")
    }

    @Test func mostlyUTF8WithABadByteIsReportedAsUTF8() {
        var bytes = Array(Self.vietnamese.joined(separator: " ").utf8)
        bytes.insert(0xFF, at: 40)
        #expect(LegacyText.detect(bytes) == .utf8)
        #expect(throws: TextDecodingError.self) { try LegacyText.decodeDetectingEncoding(bytes) }
    }
}

extension String {
    /// NFD without importing Foundation into every test file.
    var decomposedStringWithCanonicalMappingForTests: String {
        var out = ""
        for scalar in unicodeScalars {
            if let letter = VietLetter.lookup(scalar), letter.modifier != .stroke {
                let base = letter.isUppercase ? letter.base - 0x20 : letter.base
                out.unicodeScalars.append(Unicode.Scalar(base))
                if letter.modifier == .horn { out.unicodeScalars.append("\u{031B}") }
                if letter.tone == .dot { out.unicodeScalars.append("\u{0323}") }
                if letter.modifier == .circumflex { out.unicodeScalars.append("\u{0302}") }
                if letter.modifier == .breve { out.unicodeScalars.append("\u{0306}") }
                if let tone = CombiningMark.scalar(for: letter.tone), letter.tone != .dot { out.unicodeScalars.append(tone) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
