import Foundation
import Testing
@testable import VietText

/// The letter table every codec relies on, checked against Foundation's Unicode data.
struct LetterTableTests {
    @Test func thereAre134NonASCIILetters() {
        let letters = VietLetter.all
        #expect(letters.count == 146)
        let nonASCII = letters.compactMap(\.scalar).filter { $0.value >= 0x80 }
        #expect(nonASCII.count == 134)
        #expect(Set(nonASCII).count == 134)
    }

    @Test func everyLetterLooksItselfUp() throws {
        for letter in VietLetter.all {
            let scalar = try #require(letter.scalar)
            if scalar.value >= 0x80 {
                #expect(VietLetter.lookup(scalar) == letter, "\(scalar)")
            }
        }
    }

    /// Each precomposed letter decomposes (Foundation NFD) into its base and exactly our marks.
    @Test func tableAgreesWithUnicodeDecompositions() throws {
        let markOf: [UInt32: String] = [0x0300: "grave", 0x0301: "acute", 0x0309: "hook", 0x0303: "tilde",
                                        0x0323: "dot", 0x0302: "circumflex", 0x0306: "breve", 0x031B: "horn"]
        for letter in VietLetter.all where letter.modifier != .stroke {
            let scalar = try #require(letter.scalar)
            let parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
            let base = UInt8(parts[0].value)
            #expect(base == (letter.isUppercase ? letter.base - 0x20 : letter.base), "\(scalar)")
            var expected: Set<String> = []
            if letter.modifier != .none { expected.insert("\(letter.modifier)") }
            if letter.tone != .none { expected.insert(letter.tone == .dot ? "dot" : "\(letter.tone)") }
            let actual = Set(parts.dropFirst().compactMap { markOf[$0.value] })
            #expect(actual == expected, "\(scalar): \(actual) vs \(expected)")
            #expect(parts.count == 1 + expected.count)
        }
    }

    @Test func onlyValidModifiersExist() {
        #expect(VietLetter(base: UInt8(ascii: "i"), modifier: .circumflex).scalar == nil)
        #expect(VietLetter(base: UInt8(ascii: "e"), modifier: .breve).scalar == nil)
        #expect(VietLetter(base: UInt8(ascii: "d"), modifier: .stroke, tone: .acute).scalar == nil)
        #expect(VietLetter(base: UInt8(ascii: "u"), modifier: .horn, tone: .dot, isUppercase: true).scalar == "Ự")
    }
}
