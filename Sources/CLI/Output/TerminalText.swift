/// Text made safe to print in a table on a terminal: a stored value may predate intake's
/// cleaning, or come from a rules file or a database edited by hand.
enum TerminalText {
    /// Control characters (C0, DEL, C1: ESC would start a colour or cursor sequence) become
    /// U+FFFD, line ends and tabs a space, and bidirectional overrides and isolates (which would
    /// reorder the line on screen) are dropped.
    static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: scalars.append(" ")
            case 0x00..<0x20, 0x7F...0x9F: scalars.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
