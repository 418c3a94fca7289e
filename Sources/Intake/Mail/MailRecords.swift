internal import Domain
internal import Secrets

/// An e-mail as a petition: the grievance text is the subject and the body; the sender is the
/// submitter; a tracking code in the subject or a known Message-ID in In-Reply-To/References
/// makes it a follow-up (decided when storing, where the known codes are).
enum MailRecords {
    /// Messages larger than this are quarantined unread (a mail server would have refused them).
    static let maximumMessageBytes = 64 << 20

    static func item(_ bytes: ArraySlice<UInt8>, source: String) -> IntakeItem {
        let message = MailMessage(parsing: bytes)
        if message.isAutomatic {
            return .rejected(Rejection(source: source, reason: "thư tự động (báo lỗi gửi hoặc trả lời tự động), không phải đơn",
                                       raw: Array(bytes), origin: .mail))
        }
        let subject = message.subject?.trimmingBlanks ?? ""
        var body = message.text
        if body.isEmpty && !message.attachments.isEmpty {
            let names = message.attachments.map { $0.name ?? $0.type }.joined(separator: ", ")
            body = "(Thư chỉ có tệp đính kèm: \(names))"
        }
        let text = [subject, body].filter { !$0.isEmpty }.joined(separator: "\n\n")
        if text.isEmpty {
            return .rejected(Rejection(source: source, reason: "thư không có tiêu đề, nội dung hay tệp đính kèm",
                                       raw: Array(bytes), origin: .mail))
        }
        if GrievanceDraft.exceedsMaximumLength(text) {
            return .rejected(Rejection(source: source, reason: "nội dung dài \(text.count) ký tự; tối đa "
                + "\(GrievanceDraft.maximumTextLength) ký tự", raw: Array(bytes), origin: .mail))
        }
        let key = message.messageID.map { "mid:" + $0 } ?? "mail:" + bytes.withUnsafeBytes { Digest.sha256Hex($0) }
        var details = ["source": source]
        if let id = message.messageID { details["message_id"] = id }
        if !subject.isEmpty { details["subject"] = subject }
        if let from = message.from { details["from"] = from }
        if !message.attachments.isEmpty { details["attachments"] = String(message.attachments.count) }
        return .record(IntakeRecord(
            source: source, key: key, text: text,
            submitter: Submitter(name: message.fromName, email: message.fromAddress),
            receivedAt: message.date?.instant, kind: nil, topic: nil, channel: .email,
            trackingCode: trackingCode(in: subject), repliesTo: message.inReplyTo + message.references.reversed(),
            attachments: message.attachments, details: details, origin: .mail(message), raw: Array(bytes),
            quarantineOrigin: .mail))
    }

    /// A tracking code written in a subject, "Re: [K7M3Q-9TXR2] …": five and five symbols of the
    /// code alphabet around a hyphen, standing alone.
    static func trackingCode(in subject: String) -> TrackingCode? {
        let scalars = Array(subject.uppercased().unicodeScalars)
        let alphabet = Set(TrackingCode.alphabet.flatMap(\.unicodeScalars))
        func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        var index = 0
        while index + 11 <= scalars.count {
            let window = scalars[index..<index + 11]
            let fits = window.enumerated().allSatisfy { offset, scalar in offset == 5 ? scalar == "-" : alphabet.contains(scalar) }
            let before = index == 0 || !isWordCharacter(scalars[index - 1])
            let after = index + 11 == scalars.count || !isWordCharacter(scalars[index + 11])
            if fits && before && after, let code = TrackingCode(parsing: String(String.UnicodeScalarView(window))) {
                return code
            }
            index += 1
        }
        return nil
    }
}
