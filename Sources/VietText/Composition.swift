import Foundation

/// Canonical composition (NFC) tuned for Vietnamese.
///
/// Almost all text is already NFC, so the first pass only proves that (a byte scan, then a scalar
/// scan over ranges that cannot change under NFC). NFD Vietnamese and Windows-1258 style text
/// (precomposed vowel + combining tone) is composed with our own letter table. Anything else that
/// needs composing (other scripts, unusual mark orders) goes to Foundation, which is slower but
/// complete; that path is rare, so correctness there matters more than speed.
enum Composition {
    static func nfc(_ s: String) -> String {
        if isAlreadyNFC(s) { return s }
        if let composed = withUTF8(s, composeVietnamese) { return composed }
        return s.precomposedStringWithCanonicalMapping
    }

    /// True when NFC cannot change `s`: every scalar is a starter that never composes with a
    /// neighbour and has no canonical decomposition that NFC would alter.
    static func isAlreadyNFC(_ s: String) -> Bool {
        withUTF8(s) { p in
            var i = 0
            while i < p.count {
                let b0 = p[i]
                // Lead bytes below 0xCC encode U+0000–U+02FF, none of which NFC touches.
                if b0 < 0x80 { i += 1; continue }
                if b0 < 0xCC { i += 2; continue }
                if !isInert(Folding.decodeScalar(p, &i, lead: b0)) { return false }
            }
            return true
        }
    }

    static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = s.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = s
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(body)!
    }

    /// Ranges whose characters are NFC-stable, combining class 0, and never the second half of a
    /// composition pair. Deliberately conservative: anything not listed takes the slow path.
    static func isInert(_ v: UInt32) -> Bool {
        switch v {
        case 0..<0x300: true                 // ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers
        case 0x400...0x482, 0x48A...0x52F: true  // Cyrillic letters (not its combining marks)
        case 0x1E00...0x1EFF: true           // Latin Extended Additional (the Vietnamese block)
        case 0x2010...0x2027, 0x2030...0x205E: true  // punctuation (not U+2000/2001, which NFC maps)
        case 0x20A0...0x20C0: true           // currency signs, ₫
        case 0x2460...0x27BF: true           // enclosed numbers, boxes, dingbats
        case 0x3000...0x3029: true           // CJK punctuation (not the tone marks after it)
        case 0x4E00...0x9FFF: true           // CJK ideographs
        case 0xAC00...0xD7A3: true           // Hangul syllables (a following jamo is not inert)
        case 0xFF01...0xFF60: true           // fullwidth forms
        case 0x1F000...0x1FAFF: true         // emoji and pictographs
        default: false
        }
    }

    /// Composes text whose only non-inert parts are Vietnamese vowels followed by Vietnamese
    /// combining marks. Returns nil when anything else needs composing.
    static func composeVietnamese(_ p: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        var starter: VietLetter? = nil   // the last vowel, kept open so marks can join it
        var starterOffset = 0            // where its bytes start in `out`
        var marks = MarkList()

        func flush() -> Bool {
            guard let letter = starter else { return true }
            starter = nil
            if marks.count == 0 { return true }
            guard let composed = compose(letter, marks), let scalar = composed.scalar else { return false }
            marks = MarkList()
            out.removeLast(out.count - starterOffset)
            appendUTF8(scalar, to: &out)
            return true
        }

        var i = 0
        while i < p.count {
            let start = i
            let b0 = p[i]
            let v: UInt32
            if b0 < 0x80 {
                v = UInt32(b0)
                i += 1
            } else {
                v = Folding.decodeScalar(p, &i, lead: b0)
            }
            if let mark = CombiningMark(v) {
                guard starter != nil, marks.append(mark) else { return nil }   // mark after a consonant
                continue
            }
            guard flush() else { return nil }
            let letter = v < 0x80 ? VietLetter.plainVowel(UInt8(v)) : Unicode.Scalar(v).flatMap(VietLetter.lookup)
            if let letter, letter.isVowel {
                starter = letter
                starterOffset = out.count
            } else if !isInert(v) {
                return nil
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<i]))
        }
        guard flush() else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Up to 16 marks packed four bits each, so composing allocates nothing.
    struct MarkList {
        private(set) var packed: UInt64 = 0
        private(set) var count = 0

        mutating func append(_ mark: CombiningMark) -> Bool {
            guard count < 16 else { return false }
            packed |= UInt64(mark.rawValue) << (4 * count)
            count += 1
            return true
        }

        subscript(index: Int) -> CombiningMark {
            CombiningMark(rawValue: UInt8(truncatingIfNeeded: packed >> (4 * index)) & 0xF)!
        }
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// The Unicode composition algorithm restricted to Vietnamese: decompose the starter, add the
    /// marks, put them in canonical order (stable by combining class: horn 216, dot below 220, the
    /// rest 230), then compose pair by pair. Succeeds only when every mark is absorbed into one
    /// letter; otherwise the caller falls back to the general algorithm, which also handles the
    /// leftovers correctly ("a" + acute + circumflex is "á" + U+0302 in NFC, not "ấ").
    static func compose(_ letter: VietLetter, _ extra: MarkList) -> VietLetter? {
        let own = decomposition(of: letter)
        var state = VietLetter(base: letter.base, isUppercase: letter.isUppercase)
        for combiningClass: UInt8 in [216, 220, 230] {
            for index in 0..<own.count where own[index].combiningClass == combiningClass {
                guard apply(own[index], to: &state) else { return nil }
            }
            for index in 0..<extra.count where extra[index].combiningClass == combiningClass {
                guard apply(extra[index], to: &state) else { return nil }
            }
        }
        return state
    }

    /// One composition step; false when Unicode has no primary composite for the pair.
    private static func apply(_ mark: CombiningMark, to state: inout VietLetter) -> Bool {
        switch mark {
        case .circumflex, .breve, .horn:
            let modifier: VietLetter.Modifier = mark == .horn ? .horn : mark == .breve ? .breve : .circumflex
            guard state.modifier == .none, VietLetter.allows(base: state.base, modifier: modifier) else { return false }
            // Only a plain vowel or one with dot below (ạ + ̂ = ậ) composes with a modifier.
            guard state.tone == .none || (state.tone == .dot && modifier != .horn) else { return false }
            state.modifier = modifier
        case .dotBelow:
            guard state.tone == .none, state.modifier == .none || state.modifier == .horn else { return false }
            state.tone = .dot
        case .grave, .acute, .hook, .tilde:
            guard state.tone == .none else { return false }
            state.tone = mark.tone
        }
        return true
    }

    /// Canonical decomposition of a Vietnamese vowel, marks already in canonical order.
    private static func decomposition(of letter: VietLetter) -> MarkList {
        var marks = MarkList()
        if letter.modifier == .horn { _ = marks.append(.horn) }
        if letter.tone == .dot { _ = marks.append(.dotBelow) }
        switch letter.modifier {
        case .circumflex: _ = marks.append(.circumflex)
        case .breve: _ = marks.append(.breve)
        default: break
        }
        switch letter.tone {
        case .grave: _ = marks.append(.grave)
        case .acute: _ = marks.append(.acute)
        case .hook: _ = marks.append(.hook)
        case .tilde: _ = marks.append(.tilde)
        default: break
        }
        return marks
    }
}
