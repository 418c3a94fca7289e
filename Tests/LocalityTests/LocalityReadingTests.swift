import Foundation
import Testing
import Locality

/// Issue 17, items 4–7: what the text says about the district and province must agree with the
/// answer, ties are said rather than broken by list order, readings inferred from what is not a
/// commune mention are weaker, and slight misspellings or a bare name in an address still count.
@Suite("Locality readings: agreement, ties, inferred readings, misspellings")
struct LocalityReadingTests {
    static let extractor = LocalityExtractor()
    static let g = Gazetteer.shared

    static func successors(ofDistrict name: String, province: String) -> Set<String> {
        let lp = g.legacyProvinces.firstIndex { $0.name.hasSuffix(province) }
        let d = g.legacyDistricts.firstIndex { $0.name == name && $0.province == lp }!
        return Set(g.successorsOfLegacyDistrict[d].map { g.communes[$0].code })
    }

    // MARK: 4. A named district or province must agree with the answer

    @Test("a numbered ward the named old district no longer had gives that district's successors, no commune", arguments: [
        "Phường 7, Quận 3, TP.HCM", "Phường 6, Quận 3", "Phường 6, Quận 3, TP.HCM", "P.8 Q.3 TPHCM", "phuong 7 quan 3",
    ])
    func contradictedByDistrict(text: String) {
        let result = LocalityReadingTests.extractor.locate(text)
        #expect(result.commune == nil)
        #expect(result.province?.code == "79")
        #expect(Set(result.candidates.map(\.commune.code)) == LocalityReadingTests.successors(ofDistrict: "Quận 3", province: "Hồ Chí Minh"))
        #expect(result.confidence <= 0.4)
    }

    @Test("a commune the named province does not have is not answered; the province is", arguments: [
        ("phường Hạnh Thông, Đà Nẵng", "48"), ("Phường Bảy Hiền, Hà Nội", "1"), ("xã Bát Tràng, tỉnh Bắc Ninh", "24"),
    ])
    func contradictedByProvince(text: String, province: String) {
        let result = LocalityReadingTests.extractor.locate(text)
        #expect(result.commune == nil)
        #expect(result.province?.code == province)
        #expect(result.confidence <= 0.5)
    }

    @Test("a ward written with an old district it was never in gives that district's successors")
    func wardInWrongDistrict() {
        let result = LocalityReadingTests.extractor.locate("phường Bảy Hiền, quận Gò Vấp, TP.HCM")
        #expect(result.commune == nil)
        #expect(Set(result.candidates.map(\.commune.code)) == LocalityReadingTests.successors(ofDistrict: "Quận Gò Vấp", province: "Hồ Chí Minh"))
    }

    @Test("a district or province named outside the address only makes the reading less sure", arguments: [
        "Tôi ở phường Bảy Hiền, quê Nghệ An", "Kính gửi UBND phường Bảy Hiền, tôi ở quận Gò Vấp có ý kiến",
    ])
    func conflictElsewhere(text: String) {
        let result = LocalityReadingTests.extractor.locate(text)
        #expect(result.commune?.code == "26983")
        #expect(result.province?.code == "79")
        #expect(result.confidence <= 0.6)
    }

    @Test("when the named district and province agree the answer stays firm", arguments: [
        ("P.12, Q.Tân Bình, TP.HCM", "26983"), ("Phường 4, Quận 3, TP.HCM", "27139"), ("Phường Xuân Hòa, Quận 3", "27139"),
    ])
    func agreeing(text: String, commune: String) {
        let result = LocalityReadingTests.extractor.locate(text)
        #expect(result.commune?.code == commune || result.candidates.contains { $0.commune.code == commune })
        if result.commune != nil { #expect(result.confidence >= 0.6) }
    }

    // MARK: 5. Ties

    @Test("of an old commune's successors, the one that kept the name written is the answer", arguments: [
        ("xã Bát Tràng, huyện Gia Lâm, Hà Nội", "577"), ("Tổ 10 phường Yên Hòa, Cầu Giấy", "175"),
        ("xa bat trang, huyen gia lam", "577"),
    ])
    func tieBrokenByName(text: String, commune: String) {
        let result = LocalityReadingTests.extractor.locate(text)
        #expect(result.commune?.code == commune)
        #expect(result.candidates.count >= 2)
        #expect(result.confidence < 0.9)
    }

    @Test("a tie no name breaks gives no commune, the tied ones as candidates, and their province", arguments: [
        ("xã Ngũ Hiệp, huyện Thanh Trì", "1", nil as String?), ("Phường 12, gần chợ", "79", "79"),
    ])
    func tieRemains(text: String, province: String, defaultProvince: String?) {
        let result = LocalityReadingTests.extractor.locate(text, defaultProvince: defaultProvince)
        #expect(result.commune == nil)
        #expect(result.province?.code == province)
        #expect(result.candidates.count >= 2)
        #expect(Set(result.candidates.map(\.score)).count == 1)
        #expect(result.confidence <= 0.4)
    }

    // MARK: 6. Readings inferred from what is not a commune mention

    @Test("a school or body named after a place is a weak reading, with the district's other communes as candidates", arguments: [
        "Trường Tiểu học Kim Liên (quận Đống Đa)", "Trường THCS Kim Liên, quận Đống Đa, Hà Nội", "Bệnh viện đa khoa Kim Liên, Đống Đa",
    ])
    func bodyNamedAfterPlace(text: String) {
        let result = LocalityReadingTests.extractor.locate(text)
        #expect(result.commune == nil || result.confidence <= 0.6)
        #expect(result.candidates.contains { $0.commune.name == "Phường Kim Liên" })
        #expect(result.candidates.count >= 2)
    }

    @Test("an old district or province name that a commune also has is not read as that commune", arguments: [
        ("Gia Lâm, Hà Nội", "Xã Gia Lâm"), ("Cầu Giấy, Hà Nội", "Phường Cầu Giấy"), ("Vũng Tàu, TP.HCM", "Phường Vũng Tàu"),
        ("Thái Bình, Hưng Yên", "Phường Thái Bình"), ("Tôi ở Bắc Giang, tỉnh Bắc Ninh", "Phường Bắc Giang"),
        ("Đống Đa, Hà Nội", "Phường Đống Đa"),
    ])
    func districtOrProvinceName(text: String, sameName: String) {
        let result = LocalityReadingTests.extractor.locate(text)
        #expect(result.commune == nil)
        #expect(result.province != nil)
        #expect(result.candidates.first?.commune.name == sameName)
        #expect(result.confidence <= 0.5)
    }

    @Test("a district gives one commune only where its whole area became that commune", arguments: [
        ("huyện Cát Hải", "11914" as String?), ("Huyện Cát Hải, Hải Phòng", "11914"), ("huyện Gia Lâm, Hà Nội", nil), ("quận Cầu Giấy", nil),
    ])
    func wholeDistrict(text: String, commune: String?) {
        #expect(LocalityReadingTests.extractor.locate(text).commune?.code == commune)
    }

    @Test("a commune named with its marker and agreeing is firmer than one inferred")
    func markedIsFirmer() {
        let marked = LocalityReadingTests.extractor.locate("phường Kim Liên, quận Đống Đa")
        let school = LocalityReadingTests.extractor.locate("Trường Tiểu học Kim Liên (quận Đống Đa)")
        #expect(marked.commune?.code == "229")
        #expect(marked.confidence >= 0.9)
        #expect(school.confidence < marked.confidence)
    }

    // MARK: 7. Slight misspellings with a marker, a bare name in an address

    @Test("a marked name with one syllable's marks wrong is found, less firmly", arguments: [
        "phường Bẩy Hiền", "phường Bảy Hiên", "P. Bẩy Hiền, Tân Bình, TP.HCM", "Phường Hạnh Thống, Gò Vấp",
    ])
    func misspelt(text: String) {
        let result = LocalityReadingTests.extractor.locate(text)
        #expect(["26983", "26890"].contains(result.commune?.code ?? "-"))
        #expect(result.confidence < 0.9)
    }

    @Test("without a marker, or with two syllables wrong, a misspelling is still nothing", arguments: [
        "Cháu Phú học giỏi", "phường Bẩy Hiên", "Bẩy Hiền",
    ])
    func misspeltTooFar(text: String) {
        #expect(LocalityReadingTests.extractor.locate(text).commune == nil)
    }

    @Test("a bare name that only one commune has, alone in an address, is that commune", arguments: [
        ("Hạnh Thông", "26890"), ("hanh thong", "26890"), ("12 Nguyễn Văn Bảo, Hạnh Thông", "26890"), ("Bảy Hiền", "26983"),
    ])
    func bareUniqueName(text: String, commune: String) {
        let result = LocalityReadingTests.extractor.locate(text)
        #expect(result.commune?.code == commune)
        #expect(result.confidence <= 0.6)
    }

    @Test("a bare name several communes have, or one inside a sentence, stays nothing", arguments: [
        "Bình An", "Tân Phú", "Tiến Bộ", "Hôm qua Hạnh Thông gọi điện cho tôi về việc này",
    ])
    func bareNameNotAlone(text: String) {
        #expect(LocalityReadingTests.extractor.locate(text).commune == nil)
    }
}
