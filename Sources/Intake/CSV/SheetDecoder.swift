internal import VietText

/// Turns a sheet's bytes, chunk by chunk, into UTF-8 for the CSV parser. Legacy single-byte text
/// is converted line by line (a chunk is cut at its last line end, so VNI's letter + mark pairs
/// never straddle two chunks); UTF-16 is cut between code units and never inside a surrogate pair.
struct SheetDecoder {
    private(set) var encoding: SheetEncoding?
    private var pending: [UInt8] = []
    private var started = false

    init(encoding: SheetEncoding?) {
        self.encoding = encoding
    }

    /// UTF-8 bytes for `chunk`; with `final`, everything still held back.
    mutating func decode(_ chunk: [UInt8], final: Bool) -> [UInt8] {
        pending.append(contentsOf: chunk)
        if !started {
            // Decide on the first megabyte (or the whole file, if smaller).
            guard final || pending.count >= 1 << 20 else { return [] }
            started = true
            let (detected, bom) = SheetEncoding.detect(pending)
            if encoding == nil { encoding = detected }
            // A byte-order mark is dropped whatever the encoding was declared to be.
            if bom > 0 && (encoding == detected) { pending.removeFirst(bom) }
        }
        switch encoding ?? .utf8 {
        case .utf8:
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        case .utf16le, .utf16be:
            var usable = pending.count & ~1
            if !final && usable >= 2 {
                let last = encoding == .utf16le
                    ? UInt16(pending[usable - 2]) | UInt16(pending[usable - 1]) << 8
                    : UInt16(pending[usable - 2]) << 8 | UInt16(pending[usable - 1])
                if (0xD800...0xDBFF).contains(last) { usable -= 2 }
            }
            if final { usable = pending.count }
            let out = utf16(pending[..<usable], littleEndian: encoding == .utf16le)
            pending.removeFirst(usable)
            return out
        case .cp1258, .tcvn3, .vni, .viqr:
            let end = final ? pending.count : SheetDecoder.legacyCut(pending)
            guard end > 0 else { return [] }
            let text = (try? LegacyText.decode(Array(pending[..<end]), from: encoding!.legacy!)) ?? ""
            pending.removeFirst(end)
            return Array(text.utf8)
        }
    }

    /// Where a legacy chunk may be cut: after its last line end (LF, or CR for sheets saved with
    /// CR alone); in a line longer than `longestHeldLine`, after its last space or tab, which
    /// ends a word in every encoding (VNI's and VIQR's marks follow their letter). 0: hold
    /// everything for now.
    static func legacyCut(_ bytes: [UInt8]) -> Int {
        if let end = bytes.lastIndex(where: { $0 == 10 || $0 == 13 }) { return end + 1 }
        guard bytes.count > longestHeldLine else { return 0 }
        return bytes.lastIndex(where: { $0 == 0x20 || $0 == 0x09 }).map { $0 + 1 } ?? bytes.count
    }

    /// How much of one line of legacy text is held back waiting for its end.
    static let longestHeldLine = 4 << 20

    private func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        // An odd final byte cannot be a character; it becomes U+FFFD and the row is reported.
        if index < bytes.endIndex { units.append(0xFFFD) }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
