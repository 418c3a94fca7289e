internal import Secrets
internal import VietText

/// What danvan takes from one e-mail: who, when, about what, the text, the attachments, and
/// what it replies to. Built from the MIME tree by `init(parsing:)`, which never fails.
public struct MailMessage: Sendable {
    public var messageID: String?
    public var subject: String?
    /// The From field as Python's email package prints it: "Nguyễn Văn A <a@example.vn>".
    public var from: String?
    public var fromName: String?
    public var fromAddress: String?
    public var date: MailDate?
    /// The body a person reads: every inline text part in order (a mailer splits a letter around
    /// an inline picture into several), one of each set of alternatives (plain text preferred,
    /// else the HTML reduced to text); NFC, LF line ends, trailing blanks trimmed.
    public var text: String
    /// Whether some of `text` came from HTML.
    public var textFromHTML: Bool
    public var attachments: [Attachment]
    public var inReplyTo: [String]
    public var references: [String]
    /// A bounce or an auto-reply (RFC 3834 Auto-Submitted, a delivery report, mail from the
    /// mailer daemon): not a citizen's petition.
    public var isAutomatic: Bool

    public init(parsing bytes: ArraySlice<UInt8>) {
        let root = MIMEParser.parse(bytes)
        let headers = root.headers
        messageID = headers.plain("Message-ID").flatMap { $0.isEmpty ? nil : $0 }
        subject = headers.text("Subject").map(VietText.normalize)
        if let field = headers.text("From") {
            let address = MailAddress(VietText.normalize(field))
            from = address.display
            fromName = address.name
            fromAddress = address.address
        }
        date = headers.plain("Date").flatMap(MailDate.init(parsing:))
        let autoSubmitted = headers.plain("Auto-Submitted")?.lowercased()
        let sender = fromAddress?.lowercased().split(separator: "@").first.map(String.init) ?? ""
        isAutomatic = (autoSubmitted != nil && autoSubmitted != "no") || root.mediaType == "multipart/report"
            || ["mailer-daemon", "postmaster"].contains(sender)
        inReplyTo = MailMessage.messageIDs(headers.plain("In-Reply-To"))
        references = MailMessage.messageIDs(headers.plain("References"))

        var body: [MIMEPart] = []
        MailMessage.collectText(root, into: &body)
        var pieces: [String] = []
        for part in body {
            let piece = MailMessage.clean(part.mediaType == "text/html" ? HTMLText.plainText(part.text) : part.text)
            if !piece.isEmpty { pieces.append(piece) }
        }
        text = pieces.joined(separator: "\n")
        textFromHTML = body.contains { $0.mediaType == "text/html" }
        var attachments: [Attachment] = []
        MailMessage.collectAttachments(root, body: body.map(\.body), into: &attachments)
        self.attachments = attachments
    }

    /// "<a@b> <c@d>" → ["<a@b>", "<c@d>"].
    static func messageIDs(_ field: String?) -> [String] {
        guard let field else { return [] }
        var ids: [String] = []
        var current: String?
        for character in field {
            if character == "<" { current = "<" } else if character == ">", var id = current {
                id.append(">")
                ids.append(id)
                current = nil
            } else if current != nil {
                current!.append(character)
            }
        }
        if ids.isEmpty, !field.trimmingBlanks.isEmpty { ids = [field.trimmingBlanks] }
        return ids
    }

    /// The parts that make the letter's text, in order: inline text/plain and text/html leaves
    /// without a file name; of a multipart/alternative the first alternative that has plain text,
    /// else the first that has any; of a multipart/related its root (`start`, else the first);
    /// of any other multipart (mixed, signed…) every part. Attachments are skipped.
    static func collectText(_ part: MIMEPart, into body: inout [MIMEPart]) {
        if part.isAttachment { return }
        if part.mainType == "text" {
            if (part.mediaType == "text/plain" || part.mediaType == "text/html") && part.filename == nil { body.append(part) }
            return
        }
        guard part.isMultipart else { return }
        switch part.mediaType {
        case "multipart/related":
            let start = part.parameters["start"]
            let root = start.flatMap { id in part.parts.first { $0.headers.plain("Content-ID") == id } } ?? part.parts.first
            if let root { collectText(root, into: &body) }
        case "multipart/alternative":
            let choices = part.parts.map { child -> [MIMEPart] in
                var found: [MIMEPart] = []
                collectText(child, into: &found)
                return found
            }
            let chosen = choices.first { $0.contains { $0.mediaType == "text/plain" } } ?? choices.first { !$0.isEmpty } ?? []
            body.append(contentsOf: chosen)
        default:
            for child in part.parts { collectText(child, into: &body) }
        }
    }

    /// Every leaf that is not the body or its alternative: files, images, forwarded messages.
    static func collectAttachments(_ part: MIMEPart, body: [ArraySlice<UInt8>], into list: inout [Attachment]) {
        if part.isMultipart {
            for child in part.parts { collectAttachments(child, body: body, into: &list) }
            return
        }
        let isBody = body.contains { $0.startIndex == part.body.startIndex && $0.endIndex == part.body.endIndex }
        if isBody { return }
        // Text alternatives (the HTML copy of a plain body) are not files unless marked as such.
        if part.mainType == "text" && !part.isAttachment && part.filename == nil { return }
        if part.body.isEmpty && part.filename == nil { return }
        let content = part.mediaType == "message/rfc822" ? Array(part.body) : part.decodedBody
        list.append(Attachment(name: part.filename.map(VietText.normalize), type: part.mediaType, content: content,
                               sha256: Digest.sha256Hex(content)))
    }

    /// NFC with mojibake repaired, LF line ends, trailing blanks of the whole text removed.
    static func clean(_ text: String) -> String {
        var value = text.utf8.contains(13) ? text.replacingLineBreaks : text
        if !value.utf8.allSatisfy({ $0 < 0x80 }) { value = VietText.normalize(value) }
        var scalars = Substring(value).unicodeScalars
        while let last = scalars.last, last == " " || last == "\n" || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
