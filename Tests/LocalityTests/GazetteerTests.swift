import Testing
@testable import Locality

@Suite("Gazetteer tables")
struct GazetteerTests {
    @Test("each old district's successors are the new communes its old communes went to")
    func successorsOfDistricts() throws {
        let g = Gazetteer.shared
        var expected = Array(repeating: Set<Int>(), count: g.legacyDistricts.count)
        for commune in g.legacyCommunes { expected[commune.district].formUnion(commune.successors) }
        #expect(g.successorsOfLegacyDistrict.count == g.legacyDistricts.count)
        #expect(g.successorsOfLegacyDistrict == expected.map { $0.sorted() })
        // Huyện Cô Tô went whole into Đặc khu Cô Tô.
        let coTo = try #require(g.legacyDistricts.firstIndex { $0.name == "Huyện Cô Tô" })
        #expect(g.successorsOfLegacyDistrict[coTo].map { g.communes[$0].name } == ["Đặc khu Cô Tô"])
    }

    @Test("the province most of a unit went to; a tie goes to the lower index, whatever the dictionary's order")
    func mostCommon() {
        #expect(Gazetteer.mostCommon([4: 1, 9: 3, 2: 2]) == 9)
        #expect(Gazetteer.mostCommon([:]) == nil)
        for size in 2...40 {
            var counts: [Int: Int] = [:]
            for key in (0..<size).reversed() { counts[key * 7 % 41 + 1] = 5 }
            #expect(Gazetteer.mostCommon(counts) == counts.keys.min())
        }
    }
}

@Suite("Keyword codes")
struct KeywordTests {
    @Test("every keyword gets its own code by its packed bytes; other words, longer ones and prefixes get none")
    func codes() {
        for (word, code) in Keyword.codes {
            #expect(Keyword.code(word) == code, "\(word)")
        }
        #expect(Set(Keyword.codes.keys.map(Keyword.code)).count == Keyword.codes.count)
        for word in ["", "phuon", "phuongx", "phuong phuong", "ph", "bay", "hien", "thanhpho", "p\u{0}", "q\u{0}\u{0}"] {
            #expect(Keyword.code(word) == 0, "\(word)")
        }
    }
}
