import Testing
import TestSupport
@testable import VietText

/// The syllable check looks its parts up as packed integers; these tests hold it to the plain
/// String version it replaced (kept below as the reference) on every onset, nucleus and final
/// with every tone on every letter, and on random words.
@Suite("Syllable skeletons")
struct SyllableSkeletonTests {
    /// The String-based check as it was before the parts were packed.
    enum Reference {
        static func isValidSkeleton(_ letters: [Unicode.Scalar], tone: VietLetter.Tone, toneIndex: Int) -> Bool {
            func isVowel(_ c: Unicode.Scalar) -> Bool { "aăâeêioôơuưy".unicodeScalars.contains(c) }
            func hasModifier(_ c: Unicode.Scalar) -> Bool { "ăâêôơư".unicodeScalars.contains(c) }
            guard let firstVowel = letters.firstIndex(where: isVowel) else { return false }
            var onsetEnd = firstVowel
            var vowelEnd = firstVowel
            while vowelEnd < letters.count, isVowel(letters[vowelEnd]) { vowelEnd += 1 }
            if firstVowel == 1, vowelEnd - firstVowel >= 2,
               (letters[0] == "q" && letters[1] == "u") || (letters[0] == "g" && letters[1] == "i") {
                onsetEnd = 2
            }
            let onset = String(String.UnicodeScalarView(letters[0..<onsetEnd]))
            let nucleusLetters = Array(letters[onsetEnd..<vowelEnd])
            let nucleus = String(String.UnicodeScalarView(nucleusLetters))
            let final = String(String.UnicodeScalarView(letters[vowelEnd...]))
            guard VietSyllable.onsets.contains(onset), VietSyllable.nuclei.contains(nucleus),
                  VietSyllable.finals.contains(final) else { return false }
            if !final.isEmpty && VietSyllable.openNuclei.contains(nucleus) { return false }
            if final.isEmpty && VietSyllable.closedNuclei.contains(nucleus) { return false }
            if VietSyllable.stopFinals.contains(final) && tone != .acute && tone != .dot { return false }
            if (final == "ch" || final == "nh") && !["a", "ê", "i", "y", "oa", "uê", "uy"].contains(nucleus) { return false }
            if (final == "ng" || final == "c") && ["i", "y", "uy"].contains(nucleus) { return false }
            if tone != .none {
                let positions: [Int]
                if let modified = nucleusLetters.lastIndex(where: hasModifier) {
                    positions = [modified]
                } else if nucleusLetters.count == 1 {
                    positions = [0]
                } else if nucleusLetters.count == 2 {
                    positions = !final.isEmpty ? [1] : (nucleus == "oa" || nucleus == "oe" || nucleus == "uy" ? [0, 1] : [0])
                } else {
                    positions = [1]
                }
                guard toneIndex >= onsetEnd && toneIndex < vowelEnd, positions.contains(toneIndex - onsetEnd) else { return false }
            }
            return true
        }
    }

    @Test("every part of the tables is at most three precomposed letters, so it packs")
    func partsPack() {
        for part in VietSyllable.onsets.union(VietSyllable.nuclei).union(VietSyllable.finals) {
            #expect(part.unicodeScalars.count <= 3 && part.unicodeScalars.count == part.count, "\(part)")
            #expect(VietSyllable.packed(part.unicodeScalars) != nil)
        }
        #expect(VietSyllable.packed("nghi".unicodeScalars) == nil)
    }

    @Test("every onset, nucleus and final, with every tone on every letter, is judged as the String version judges it")
    func everyCombination() {
        // Parts of the tables, and a few that are not, so that both answers occur.
        let onsets = VietSyllable.onsets.sorted() + ["q", "gr", "ngh"]
        let nuclei = VietSyllable.nuclei.sorted() + ["ee", "aa", "ơa"]
        let finals = VietSyllable.finals.sorted() + ["k", "nn", "g"]
        var checked = 0, valid = 0
        for onset in onsets {
            for nucleus in nuclei {
                for final in finals {
                    let letters = Array((onset + nucleus + final).unicodeScalars)
                    let vowels = (0..<letters.count).filter { VietLetter.lookup(letters[$0])?.isVowel ?? false }
                    var cases: [(VietLetter.Tone, Int)] = [(.none, -1)]
                    for tone in VietLetter.Tone.allCases where tone != .none {
                        cases += vowels.map { (tone, $0) }
                        cases.append((tone, 0))   // also on a consonant or wherever the first letter is
                    }
                    for (tone, index) in cases {
                        let fast = VietSyllable.isValidSkeleton(letters, tone: tone, toneIndex: index)
                        #expect(fast == Reference.isValidSkeleton(letters, tone: tone, toneIndex: index),
                                "\(onset)+\(nucleus)+\(final) tone \(tone) at \(index)")
                        checked += 1
                        if fast { valid += 1 }
                    }
                }
            }
        }
        #expect(checked > 100_000 && valid > 5_000, "\(checked) checked, \(valid) valid")
    }

    @Test("random words of letters, toned vowels and capitals are judged as the String version judges them")
    func randomWords() {
        var random = SplitMix64(seed: 0x5EED_CAFE)
        let plain = Array("abcdeghiklmnopqrstuvxyăâđêôơưfjwz".unicodeScalars)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...7, using: &random)
            var letters: [Unicode.Scalar] = []
            var tone = VietLetter.Tone.none, toneIndex = -1
            for position in 0..<length {
                let letter = plain[Int.random(in: 0..<plain.count, using: &random)]
                letters.append(letter)
                if tone == .none, VietLetter.lookup(letter)?.isVowel ?? "aeiouy".unicodeScalars.contains(letter),
                   Int.random(in: 0..<3, using: &random) == 0 {
                    tone = VietLetter.Tone.allCases[Int.random(in: 1..<6, using: &random)]
                    toneIndex = position
                }
            }
            if VietSyllable.isValidSkeleton(letters, tone: tone, toneIndex: toneIndex)
                != Reference.isValidSkeleton(letters, tone: tone, toneIndex: toneIndex) {
                disagreements.append("\(String(String.UnicodeScalarView(letters))) \(tone)@\(toneIndex)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
