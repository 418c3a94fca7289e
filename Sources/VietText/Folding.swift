/// Table-driven folding and accent removal over UTF-8.
///
/// Folding runs on every locality lookup and every classification, so it walks the UTF-8 bytes
/// once, decodes scalars inline and maps each through a dense table; only scalars outside Latin
/// (Greek, Cyrillic, CJK…) consult the slower `Unicode.Scalar.Properties`. Combining marks are
/// dropped rather than composed, so NFD and Windows-1258 style input fold like NFC without a
/// normalisation pass.
enum Folding {
    // Codes in `lowTable`/`additionalTable`; any other value is one or two packed ASCII bytes.
    static let separator: UInt16 = 0
    static let drop: UInt16 = 1
    static let generic: UInt16 = 2

    /// ASCII: letters lowercased, digits kept, everything else 0 (a separator).
    static let asciiTable: [UInt8] = (0..<128).map { (byte: Int) -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) | 0x20
        default: 0
        }
    }

    /// U+0080–U+036F.
    static let lowTable: [UInt16] = (0x80..<0x370).map { (v: UInt32) -> UInt16 in
        switch v {
        case 0x80..<0xA0: return separator                    // C1 controls
        case 0xAA: return UInt16(UInt8(ascii: "a"))           // ª
        case 0xBA: return UInt16(UInt8(ascii: "o"))           // º
        case 0xB2: return UInt16(UInt8(ascii: "2"))
        case 0xB3: return UInt16(UInt8(ascii: "3"))
        case 0xB9: return UInt16(UInt8(ascii: "1"))
        case 0xAD: return drop                                // soft hyphen sits inside words
        case 0xB5: return generic                             // micro sign: a Greek letter
        case 0xA0..<0xC0: return separator                    // NBSP, Latin-1 punctuation and symbols
        case 0xC0..<0x250:
            let base = LatinBase.packed(v)
            return base == 0 ? generic : lowercased(base)
        case 0x250..<0x2B0: return generic                    // IPA letters
        case 0x2B0..<0x300: return separator                  // modifier letters: ʼ ʻ ˆ ˜ act as quotes
        default: return drop                                  // U+0300–U+036F combining diacritics
        }
    }

    /// U+1E00–U+1EFF (the Vietnamese precomposed block).
    static let additionalTable: [UInt16] = LatinBase.additional.map { $0 == 0 ? generic : lowercased($0) }

    private static func lowercased(_ packed: UInt16) -> UInt16 {
        var low = UInt8(packed & 0xFF), high = UInt8(packed >> 8)
        if low >= 0x41 && low <= 0x5A { low |= 0x20 }
        if high >= 0x41 && high <= 0x5A { high |= 0x20 }
        return UInt16(low) | UInt16(high) << 8
    }

    // MARK: - Fold

    /// Folds `s` into `out` (cleared first) so hot callers can reuse one buffer.
    static func fold(_ s: String, into out: inout [UInt8]) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { fold($0, into: &out) }
        if done == nil {
            var copy = s
            copy.makeContiguousUTF8()
            _ = copy.utf8.withContiguousStorageIfAvailable { fold($0, into: &out) }
        }
    }

    private static func fold(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // Table mappings never lengthen the text (each space replaces at least one byte), so the
        // output fits in the input's size; only a generic lowercase mapping can grow, and then the
        // writer reports failure and the whole string is redone with a growable array.
        let capacity = input.count + 8
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: repeatElement(0, count: capacity))
        let written = out.withUnsafeMutableBufferPointer { buffer -> Int? in
            var writer = FixedWriter(buffer: buffer)
            return foldScalars(input, into: &writer) ? writer.count : nil
        }
        if let written {
            out.removeLast(capacity - written)
        } else {
            var writer = GrowingWriter()
            writer.bytes.reserveCapacity(capacity * 2)
            _ = foldScalars(input, into: &writer)
            out = writer.bytes
        }
    }

    /// Where folded bytes go: a fixed buffer on the fast path, an array when that could overflow.
    private protocol ByteWriter {
        var count: Int { get }
        /// False when there is no room (only a fixed buffer can run out).
        mutating func append(_ byte: UInt8) -> Bool
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool
    }

    private struct FixedWriter: ByteWriter {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

        @inline(__always)
        mutating func append(_ byte: UInt8) -> Bool {
            guard count < buffer.count else { return false }
            buffer[count] = byte
            count += 1
            return true
        }

        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard count + bytes.count <= buffer.count else { return false }
            for byte in bytes {
                buffer[count] = byte
                count += 1
            }
            return true
        }
    }

    private struct GrowingWriter: ByteWriter {
        var bytes: [UInt8] = []
        var count: Int { bytes.count }

        mutating func append(_ byte: UInt8) -> Bool {
            bytes.append(byte)
            return true
        }

        mutating func append(_ more: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.append(contentsOf: more)
            return true
        }
    }

    /// The folding loop; false if the writer ran out of room.
    @inline(__always)
    private static func foldScalars<W: ByteWriter>(_ input: UnsafeBufferPointer<UInt8>, into out: inout W) -> Bool {
        var pendingSpace = false
        var i = 0
        let count = input.count
        return asciiTable.withUnsafeBufferPointer { ascii in
        lowTable.withUnsafeBufferPointer { low in
        additionalTable.withUnsafeBufferPointer { additional in
            // Writes the space owed before a word character (never at the start).
            @inline(__always) func settleSpace() -> Bool {
                if pendingSpace {
                    pendingSpace = false
                    if out.count > 0 { return out.append(0x20) }
                }
                return true
            }
            while i < count {
                let b0 = input[i]
                if b0 < 0x80 {
                    let mapped = ascii[Int(b0)]
                    i += 1
                    if mapped == 0 {
                        pendingSpace = true
                    } else {
                        guard settleSpace(), out.append(mapped) else { return false }
                    }
                    continue
                }
                let start = i
                let v = decodeScalar(input, &i, lead: b0)
                let code: UInt16
                if v < 0x370 {
                    code = low[Int(v &- 0x80)]
                } else if v >= 0x1E00 && v < 0x1F00 {
                    code = additional[Int(v &- 0x1E00)]
                } else {
                    code = generic
                }
                switch code {
                case separator:
                    pendingSpace = true
                case drop:
                    break
                case generic:
                    switch genericClass(v) {
                    case .separator: pendingSpace = true
                    case .drop: break
                    case .keep(let lowercase):
                        guard settleSpace() else { return false }
                        if var lowercase {
                            let fits = lowercase.withUTF8 { out.append($0) }
                            guard fits else { return false }
                        } else {
                            guard out.append(UnsafeBufferPointer(rebasing: input[start..<i])) else { return false }
                        }
                    }
                default:
                    guard settleSpace(), out.append(UInt8(truncatingIfNeeded: code)) else { return false }
                    let second = UInt8(truncatingIfNeeded: code >> 8)
                    if second != 0 { guard out.append(second) else { return false } }
                }
            }
            return true
        }
        }
        }
    }

    /// Decodes one multi-byte scalar starting at `i` (input is valid UTF-8: it came from a String).
    @inline(__always)
    static func decodeScalar(_ input: UnsafeBufferPointer<UInt8>, _ i: inout Int, lead b0: UInt8) -> UInt32 {
        if b0 < 0xE0 {
            let v = UInt32(b0 & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F)
            i += 2
            return v
        }
        if b0 < 0xF0 {
            let v = UInt32(b0 & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
            i += 3
            return v
        }
        let v = UInt32(b0 & 0x07) << 18 | UInt32(input[i + 1] & 0x3F) << 12
            | UInt32(input[i + 2] & 0x3F) << 6 | UInt32(input[i + 3] & 0x3F)
        i += 4
        return v
    }

    enum GenericClass {
        case separator
        case drop
        /// Part of a word; the lowercase form when it differs, nil to copy the bytes as they are.
        case keep(String?)
    }

    /// Classifies a scalar outside the tables using the Unicode properties built into the stdlib.
    static func genericClass(_ v: UInt32) -> GenericClass {
        guard let scalar = Unicode.Scalar(v) else { return .separator }
        if isExtraDiacritic(v) { return .drop }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .format: return .drop                             // ZWJ, ZWNJ, BOM, word joiner
        case .nonspacingMark, .spacingMark, .enclosingMark: return .keep(nil)  // e.g. Thai vowel signs
        case .uppercaseLetter, .titlecaseLetter:
            return .keep(properties.lowercaseMapping)
        case .lowercaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
            return .keep(nil)
        default:
            return .separator
        }
    }

    /// Combining diacritics outside U+0300–U+036F (extended, supplement, for symbols, half marks).
    @inline(__always)
    static func isExtraDiacritic(_ v: UInt32) -> Bool {
        (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v)
    }

    // MARK: - Deaccent

    /// Removes diacritics (tones, modifiers, the bar of đ) keeping case, punctuation and spacing.
    static func deaccent(_ s: String) -> String {
        var sawNonASCII = false
        for byte in s.utf8 where byte >= 0x80 {
            sawNonASCII = true
            break
        }
        if !sawNonASCII { return s }
        var copy = s
        copy.makeContiguousUTF8()
        // A base letter is never longer than the letter it replaces (ộ: 3 bytes → "o"; Æ: 2 → "AE").
        let out = copy.utf8.withContiguousStorageIfAvailable { input in
            [UInt8](unsafeUninitializedCapacity: input.count) { buffer, written in
                var n = 0
                var i = 0
                while i < input.count {
                    let b0 = input[i]
                    if b0 < 0x80 {
                        buffer[n] = b0
                        n += 1
                        i += 1
                        continue
                    }
                    let start = i
                    let v = decodeScalar(input, &i, lead: b0)
                    if (0x300..<0x370).contains(v) || isExtraDiacritic(v) { continue }
                    let base = LatinBase.packed(v)
                    if base != 0 {
                        buffer[n] = UInt8(truncatingIfNeeded: base)
                        n += 1
                        let second = UInt8(truncatingIfNeeded: base >> 8)
                        if second != 0 {
                            buffer[n] = second
                            n += 1
                        }
                    } else {
                        for k in start..<i {
                            buffer[n] = input[k]
                            n += 1
                        }
                    }
                }
                written = n
            }
        } ?? []
        return String(decoding: out, as: UTF8.self)
    }
}
