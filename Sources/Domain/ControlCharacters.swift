/// C0 and C1 control characters (and DEL). Nothing a citizen writes needs them, and some drive
/// the terminal that prints them (ESC starts colour and cursor sequences), so intake drops them.
public enum ControlCharacters {
    /// Whether `scalar` is a control other than the line feed and tab a text may hold.
    @inlinable
    public static func isUnwanted(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
    }

    /// `text` without control characters, and how many were removed. Line ends become LF (CRLF
    /// and a lone CR are one line end each, not removals); with `singleLine` (a name, a phone
    /// number) line ends and tabs become spaces. One pass over the bytes finds the usual clean
    /// text, which is returned as it is.
    public static func cleaning(_ text: String, singleLine: Bool = false) -> (text: String, removed: Int) {
        var dirty = false
        for byte in text.utf8 {
            // C0 and DEL are single bytes; C1 is C2 80–C2 9F, so a C2 lead byte is looked at closer.
            if byte < 0x20 ? (singleLine || (byte != 0x0A && byte != 0x09)) : (byte == 0x7F || byte == 0xC2) {
                dirty = true
                break
            }
        }
        guard dirty else { return (text, 0) }
        var scalars = String.UnicodeScalarView()
        var removed = 0
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\r":
                scalars.append(singleLine ? " " : "\n")
            case "\n":
                if !previousCR { scalars.append(singleLine ? " " : "\n") }
            case "\t":
                scalars.append(singleLine ? " " : "\t")
            default:
                if isUnwanted(scalar) { removed += 1 } else { scalars.append(scalar) }
            }
        }
        return (String(scalars), removed)
    }
}
