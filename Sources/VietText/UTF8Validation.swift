/// Strict UTF-8 checking (no overlong forms, no surrogates, nothing above U+10FFFF) that reports
/// where the first bad byte is, which the standard library's validating initialisers do not.
enum UTF8Validation {
    struct Summary {
        /// Offset of the first byte that is not part of a valid sequence.
        var firstInvalidOffset: Int?
        var invalidSequences = 0
        /// Valid sequences of two or more bytes: evidence that the bytes really are UTF-8.
        var multiByteSequences = 0
    }

    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { scan($0, stopAtFirstError: true).firstInvalidOffset }
    }

    static func summary(_ bytes: [UInt8]) -> Summary {
        bytes.withUnsafeBufferPointer { scan($0, stopAtFirstError: false) }
    }

    /// Length of the valid sequence starting at `i`, or nil when the bytes there are not UTF-8.
    @inline(__always)
    static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b0 = p[i]
        if b0 < 0x80 { return 1 }
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF   // allowed range of the second byte
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard i + length <= p.count else { return nil }
        let b1 = p[i + 1]
        guard b1 >= low && b1 <= high else { return nil }
        for k in 2..<length where p[i + k] & 0xC0 != 0x80 { return nil }
        return length
    }

    private static func scan(_ p: UnsafeBufferPointer<UInt8>, stopAtFirstError: Bool) -> Summary {
        var summary = Summary()
        var i = 0
        while i < p.count {
            // ASCII runs are the common case; skip them eight bytes at a time.
            while i + 8 <= p.count {
                let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < p.count else { break }
            if let length = sequenceLength(p, at: i) {
                if length > 1 { summary.multiByteSequences += 1 }
                i += length
            } else {
                if summary.firstInvalidOffset == nil { summary.firstInvalidOffset = i }
                summary.invalidSequences += 1
                if stopAtFirstError { break }
                i += 1
            }
        }
        return summary
    }
}
