/// XML 1.0 written by hand, small and strict: element names are the caller's (ASCII, known);
/// text is escaped (& < > " ') and characters XML 1.0 forbids (controls other than tab, line
/// feed and carriage return; U+FFFE, U+FFFF) are dropped, so whatever a citizen typed the
/// document stays well-formed.
struct XMLWriter {
    private(set) var bytes: [UInt8]

    /// Starts a document with its declaration (GeoReport v2: UTF-8, declared).
    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(contentsOf: #"<?xml version="1.0" encoding="utf-8"?>"#.utf8)
        bytes.append(0x0A)
    }

    mutating func open(_ name: String) {
        bytes.append(UInt8(ascii: "<")); bytes.append(contentsOf: name.utf8); bytes.append(UInt8(ascii: ">"))
    }

    mutating func close(_ name: String) {
        bytes.append(contentsOf: "</".utf8); bytes.append(contentsOf: name.utf8); bytes.append(UInt8(ascii: ">"))
    }

    /// `<name/>`: an element without a value (JSON's null).
    mutating func empty(_ name: String) {
        bytes.append(UInt8(ascii: "<")); bytes.append(contentsOf: name.utf8); bytes.append(contentsOf: "/>".utf8)
    }

    mutating func text(_ text: String) {
        XMLWriter.escape(text, into: &bytes)
    }

    /// `<name>text</name>`, or `<name/>` for nil.
    mutating func element(_ name: String, _ value: String?) {
        guard let value else { return empty(name) }
        open(name)
        text(value)
        close(name)
    }

    static func escape(_ text: String, into bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": bytes.append(contentsOf: "&amp;".utf8)
            case "<": bytes.append(contentsOf: "&lt;".utf8)
            case ">": bytes.append(contentsOf: "&gt;".utf8)
            case "\"": bytes.append(contentsOf: "&quot;".utf8)
            case "'": bytes.append(contentsOf: "&apos;".utf8)
            default:
                guard isAllowed(scalar) else { continue }
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
    }

    static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        escape(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    /// (Swift's scalars are never surrogates).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }
}
