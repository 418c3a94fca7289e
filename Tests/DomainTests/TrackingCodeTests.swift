import Testing
import Domain

@Suite("Tracking codes")
struct TrackingCodeTests {
    @Test("reading forgives case, spaces, hyphens and look-alike letters")
    func forgivingParse() {
        #expect(TrackingCode(parsing: "k7m3q 9txr2")?.value == "K7M3Q-9TXR2")
        #expect(TrackingCode(parsing: "K7M3Q9TXR2")?.value == "K7M3Q-9TXR2")
        #expect(TrackingCode(parsing: "O1IL0-22222")?.value == "01110-22222")
        #expect(TrackingCode(parsing: "K7M3Q-9TXR") == nil)
        #expect(TrackingCode(parsing: "K7M3Q-9TXR2X") == nil)
        #expect(TrackingCode(parsing: "K7M3Q-9TXU2") == nil)
        #expect(TrackingCode(parsing: "") == nil)
    }

    @Test("random codes use the unambiguous alphabet and do not repeat")
    func randomCodes() {
        var generator = SystemRandomNumberGenerator()
        var seen = Set<TrackingCode>()
        for _ in 0..<10_000 {
            let code = TrackingCode.random(using: &generator)
            #expect(code.value.count == 11)
            #expect(code.value.allSatisfy { $0 == "-" || TrackingCode.alphabet.contains($0) })
            #expect(TrackingCode(parsing: code.value) == code)
            seen.insert(code)
        }
        #expect(seen.count == 10_000)
    }

    @Test("codes drawn in a row are not sequential")
    func notSequential() {
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<100).map { _ in TrackingCode.random(using: &generator).value }
        #expect(codes != codes.sorted())
    }
}
