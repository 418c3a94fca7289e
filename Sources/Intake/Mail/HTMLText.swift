/// HTML mail reduced to the text a person reads: tags dropped, script/style/head content
/// dropped, block elements and <br> as line breaks, character references decoded, blank runs
/// collapsed. Not a browser: enough for a petition written in a webmail editor.
enum HTMLText {
    static let blockTags: Set<String> = [
        "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "hr",
        "pre", "section", "article", "header", "footer", "dd", "dt",
    ]
    static let hiddenTags: Set<String> = ["script", "style", "head", "title", "template"]

    static func plainText(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        var hiddenUntil: String?
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                // A comment runs to "-->".
                if index + 3 < scalars.count, scalars[index + 1] == "!", scalars[index + 2] == "-", scalars[index + 3] == "-" {
                    var probe = index + 4
                    while probe + 2 < scalars.count, !(scalars[probe] == "-" && scalars[probe + 1] == "-" && scalars[probe + 2] == ">") {
                        probe += 1
                    }
                    index = min(scalars.count, probe + 3)
                    continue
                }
                var probe = index + 1
                var quote: Unicode.Scalar?
                while probe < scalars.count {
                    let c = scalars[probe]
                    if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ">" { break }
                    probe += 1
                }
                let inside = String(String.UnicodeScalarView(scalars[(index + 1)..<min(probe, scalars.count)]))
                let closing = inside.hasPrefix("/")
                let name = inside.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                if let hidden = hiddenUntil {
                    if closing && name == hidden { hiddenUntil = nil }
                } else if !closing && hiddenTags.contains(name) && !inside.hasSuffix("/") {
                    hiddenUntil = name
                } else if blockTags.contains(name) {
                    out.append("\n")
                }
                index = probe + 1
                continue
            }
            if hiddenUntil != nil {
                index += 1
                continue
            }
            if scalar == "&", let (decoded, length) = reference(scalars, at: index) {
                out.append(contentsOf: decoded.unicodeScalars)
                index += length
                continue
            }
            out.append(scalar)
            index += 1
        }
        // Collapse blanks inside lines, trim lines, and keep at most one empty line in a row.
        var lines: [String] = []
        for line in String(out).split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
            let cleaned = words.joined(separator: " ")
            if cleaned.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(cleaned)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "hellip": "…", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•",
        "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "egrave": "è", "eacute": "é", "ecirc": "ê",
        "igrave": "ì", "iacute": "í", "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ", "ugrave": "ù",
        "uacute": "ú", "yacute": "ý", "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Egrave": "È",
        "Eacute": "É", "Ecirc": "Ê", "Igrave": "Ì", "Iacute": "Í", "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô",
        "Otilde": "Õ", "Ugrave": "Ù", "Uacute": "Ú", "Yacute": "Ý", "deg": "°", "euro": "€", "times": "×",
    ]

    /// "&amp;", "&#7841;", "&#x1EA1;" → the character and how many scalars the reference took.
    private static func reference(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var end = start + 1
        while end < scalars.count, end - start <= 10, scalars[end] != ";" {
            let c = scalars[end]
            guard c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "#" else { return nil }
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";" else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), end - start + 1)
        }
        guard let text = named[body] else { return nil }
        return (text, end - start + 1)
    }
}
