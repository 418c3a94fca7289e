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
    /// The body a person reads: the first text/plain part that is not an attachment, else the
    /// first HTML part reduced to text; NFC, LF line ends, trailing blanks trimmed.
    public var text: String
    /// Whether `text` came from HTML.
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

        var plain: MIMEPart?, html: MIMEPart?
        MailMessage.findBody(root, plain: &plain, html: &html)
        if let plain {
            text = MailMessage.clean(plain.text)
            textFromHTML = false
        } else if let html {
            text = MailMessage.clean(HTMLText.plainText(html.text))
            textFromHTML = true
        } else {
            text = ""
            textFromHTML = false
        }
        var attachments: [Attachment] = []
        MailMessage.collectAttachments(root, body: [plain, html].compactMap { $0?.body }, into: &attachments)
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

    /// Python's `get_body(("plain", "html"))`: attachments are skipped; multipart/related leads to
    /// its root part; the first text/plain wins, else the first text/html.
    static func findBody(_ part: MIMEPart, plain: inout MIMEPart?, html: inout MIMEPart?) {
        if part.isAttachment { return }
        if part.mainType == "text" {
            if part.mediaType == "text/plain", plain == nil { plain = part }
            if part.mediaType == "text/html", html == nil { html = part }
            return
        }
        guard part.isMultipart else { return }
        if part.mediaType == "multipart/related" {
            let start = part.parameters["start"]
            let root = start.flatMap { id in part.parts.first { $0.headers.plain("Content-ID") == id } } ?? part.parts.first
            if let root { findBody(root, plain: &plain, html: &html) }
            return
        }
        for child in part.parts { findBody(child, plain: &plain, html: &html) }
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
