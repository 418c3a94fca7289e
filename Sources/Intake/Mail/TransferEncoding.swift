/// Content-Transfer-Encoding: base64 and quoted-printable decoding (RFC 2045 §6). Both are
/// lenient the way mail readers are: characters outside the alphabet are skipped, a broken
/// "=" escape is kept as written, missing padding is tolerated.
enum TransferEncoding {
    static func decode(_ body: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch String((encoding ?? "").lowercased().unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\"" }) {
        case "base64": base64(body)
        case "quoted-printable": quotedPrintable(body)
        default: Array(body)
        }
    }

    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        // The URL-safe alphabet shows up in hand-made mail; it decodes the same.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    static func base64(_ input: some Collection<UInt8>) -> [UInt8] {
        // Attachments are most of a mailbox's bytes: decode through raw pointers, four symbols at a time.
        let decode = { (source: UnsafeBufferPointer<UInt8>) -> [UInt8] in
            base64Values.withUnsafeBufferPointer { table in
                [UInt8](unsafeUninitializedCapacity: source.count / 4 * 3 + 3) { out, written in
                    var accumulator: UInt32 = 0
                    var bits = 0
                    var count = 0
                    var index = 0
                    let end = source.count
                    while index < end {
                        // Fast path: four alphabet symbols in a row become three bytes.
                        if bits == 0, index + 4 <= end {
                            let a = table[Int(source[index])], b = table[Int(source[index + 1])]
                            let c = table[Int(source[index + 2])], d = table[Int(source[index + 3])]
                            if (a | b | c | d) & 0x80 == 0 {
                                let word = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                                out[count] = UInt8(truncatingIfNeeded: word >> 16)
                                out[count + 1] = UInt8(truncatingIfNeeded: word >> 8)
                                out[count + 2] = UInt8(truncatingIfNeeded: word)
                                count += 3
                                index += 4
                                continue
                            }
                        }
                        let byte = source[index]
                        index += 1
                        if byte == UInt8(ascii: "=") { break }
                        let value = table[Int(byte)]
                        if value == 0xFF { continue }
                        accumulator = accumulator << 6 | UInt32(value)
                        bits += 6
                        if bits >= 8 {
                            bits -= 8
                            out[count] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
                            count += 1
                        }
                    }
                    written = count
                }
            }
        }
        if let result = input.withContiguousStorageIfAvailable(decode) { return result }
        return Array(input).withUnsafeBufferPointer(decode)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    static func quotedPrintable(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var index = input.startIndex
        let end = input.endIndex
        while index < end {
            let byte = input[index]
            if byte == UInt8(ascii: "=") {
                // Soft line break: "=" then optional trailing blanks then CRLF or LF.
                var probe = index + 1
                while probe < end, input[probe] == 32 || input[probe] == 9 { probe += 1 }
                if probe < end, input[probe] == 13 || input[probe] == 10 {
                    if input[probe] == 13, probe + 1 < end, input[probe + 1] == 10 { probe += 1 }
                    index = probe + 1
                    continue
                }
                if probe == end && probe > index + 1 || index + 1 == end {
                    index = end
                    continue
                }
                if index + 2 < end, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                    out.append(high << 4 | low)
                    index += 3
                    continue
                }
                out.append(byte)
                index += 1
            } else if byte == 32 || byte == 9 {
                // Trailing blanks before a line end were added in transport (RFC 2045 §6.7 rule 3).
                var probe = index
                while probe < end, input[probe] == 32 || input[probe] == 9 { probe += 1 }
                if probe < end, input[probe] == 13 || input[probe] == 10 {
                    index = probe
                } else {
                    out.append(contentsOf: input[index..<probe])
                    index = probe
                }
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }
}
