/// One pass over the UTF-8 of text that is, as nearly always, already clean Vietnamese: when it
/// says so, every repair `VietText.normalize` tries would return the text unchanged, and the
/// import skips them (they cost more than the rest of reading a row).
///
/// Clean means: no eth (Ð, ð; `EthCorrection` might swap them), no scalar pair that reads as a
/// UTF-8 lead and continuation byte in Windows-1252 (`MojibakeRepair.hasUTF8Candidate`), and no
/// line made only of scalars that Windows-1252/1258 can encode, unless it is ASCII (such a line
/// might be TCVN3 or VNI read as Windows-1252; `repairLegacy` gives up on any other line at once).
enum RepairPrecheck {
    static func needsNoRepair(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousIsLead = false
        var lineHasNonASCII = false, lineHasUnencodable = false
        var i = 0
        while i < p.count {
            let b0 = p[i]
            if b0 < 0x80 {
                if b0 == 10 {
                    if lineHasNonASCII && !lineHasUnencodable { return false }
                    lineHasNonASCII = false
                    lineHasUnencodable = false
                }
                previousIsLead = false
                i += 1
                continue
            }
            // Invalid UTF-8 cannot be in a String; a truncated sequence is left to the slow path.
            guard b0 >= 0xC0, i + (b0 < 0xE0 ? 1 : b0 < 0xF0 ? 2 : 3) < p.count else { return false }
            let v = Folding.decodeScalar(p, &i, lead: b0)
            lineHasNonASCII = true
            if v == 0xD0 || v == 0xF0 { return false }
            if let byte = MojibakeRepair.byte(for: v) {
                if previousIsLead && byte < 0xC0 { return false }
                previousIsLead = byte >= 0xC2 && byte <= 0xF4
            } else {
                lineHasUnencodable = true
                previousIsLead = false
            }
        }
        return !(lineHasNonASCII && !lineHasUnencodable)
    }
}
