internal import Foundation
/// The first mailbox of an address field: `"Nguyễn Văn A" <a@example.vn>`, `a@example.vn (Văn A)`,
/// or a bare address. Encoded words in the display name are decoded before this is called.
struct MailAddress: Sendable, Equatable {
    var name: String?
    var address: String?
    /// "a@b (Văn A)": an old habit; the comment is a useful name, but not shown as a display name.
    var nameFromComment = false
    /// "<>" (a bounce): an empty address that is still shown.
    var emptyAngleAddress = false

    init(_ field: String) {
        let text = field.trimmingBlanks
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            address = String(text[text.index(after: open)..<close]).trimmingBlanks
            emptyAngleAddress = address?.isEmpty == true
            var display = String(text[..<open]).trimmingBlanks
            if display.hasPrefix("\""), display.hasSuffix("\""), display.count >= 2 {
                display = String(display.dropFirst().dropLast()).replacingQuotedPairs
            }
            name = display.isEmpty ? nil : display
        } else if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            address = String(text[..<open]).trimmingBlanks
            let comment = String(text[text.index(after: open)..<close]).trimmingBlanks
            name = comment.isEmpty ? nil : comment
            nameFromComment = true
        } else {
            address = text.isEmpty ? nil : text
            name = nil
        }
        if address?.isEmpty == true { address = nil }
    }

    /// "Name <address>" as Python's email package prints it: the name quoted when it holds a
    /// character that is special in addresses.
    var display: String {
        guard let name, !nameFromComment else { return address ?? "" }
        let specials = Set("()<>[]:;@\\,.\"")
        let shown = name.contains(where: { specials.contains($0) })
            ? "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" : name
        guard let address else { return emptyAngleAddress ? "\(shown) <>" : shown }
        return "\(shown) <\(address)>"
    }
}

extension String {
    /// `\"` → `"` and `\\` → `\` inside a quoted string.
    var replacingQuotedPairs: String {
        var out = ""
        var escaped = false
        for character in self {
            if escaped {
                out.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
