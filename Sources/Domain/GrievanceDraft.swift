public import Foundation

/// What a registrar, a form or an importer supplies for a new grievance, before it has a code.
public struct GrievanceDraft: Sendable, Equatable {
    /// The longest text accepted, in characters: long petitions fit; a pasted book does not.
    public static let maximumTextLength = FieldLimits.text

    /// How far past now a receipt may be dated: a clock a little fast, or a date written in a
    /// time zone ahead of the server's. Anything later is a typing error.
    public static let maximumReceivedAhead: Double = 86_400

    public var kind: Kind
    public var channel: Channel
    public var text: String
    public var submitter: Submitter
    public var receivedAt: Date
    public var place: Place
    /// The unit that registered it (the desk, or an import's --office): what its registrars see.
    public var office: String?

    public init(kind: Kind, channel: Channel, text: String, submitter: Submitter = Submitter(),
                receivedAt: Date, place: Place = Place()) {
        self.kind = kind
        self.channel = channel
        self.text = text
        self.submitter = submitter
        self.receivedAt = receivedAt
        self.place = place
    }

    /// Whether `text` has more than `maximumTextLength` characters. A character is at least one
    /// UTF-8 byte, so most texts are cleared without counting characters (which is slow).
    public static func exceedsMaximumLength(_ text: String) -> Bool {
        FieldLimits.exceeds(text, maximumTextLength)
    }

    /// Why a receipt dated `received` is refused at `now` (more than `maximumReceivedAhead`
    /// later), else nil.
    public static func futureReceiptProblem(_ received: Date, now: Date) -> String? {
        guard received.timeIntervalSince(now) > maximumReceivedAhead else { return nil }
        return "ngày nhận \(LocalDate(received).display) ở tương lai; chỉ nhận ngày đến hết ngày mai "
            + "(\(LocalDate(now.addingTimeInterval(maximumReceivedAhead)).display))"
    }

    /// Each text field with its name in messages and its limit.
    private var limitedFields: [(field: String, value: String?, limit: Int)] {
        [("text", text, FieldLimits.text), ("name", submitter.name, FieldLimits.name),
         ("address", submitter.address, FieldLimits.address), ("phone", submitter.phone, FieldLimits.phone),
         ("email", submitter.email, FieldLimits.email), ("residential", place.residential, FieldLimits.residential),
         ("province", place.provinceCode, FieldLimits.placeCode), ("commune", place.communeCode, FieldLimits.placeCode)]
    }

    /// Drops control characters from every text field (the text keeps its line ends and tabs;
    /// the other fields are one line). Returns how many went from each field, for the received
    /// event; empty when nothing was removed, as for nearly every letter.
    public mutating func removeControlCharacters() -> [String: Int] {
        var removed: [String: Int] = [:]
        func clean(_ value: inout String, _ field: String, singleLine: Bool) {
            let (cleaned, count) = ControlCharacters.cleaning(value, singleLine: singleLine)
            value = cleaned
            if count > 0 { removed[field] = count }
        }
        func clean(_ value: inout String?, _ field: String) {
            guard var present = value else { return }
            clean(&present, field, singleLine: true)
            value = present
        }
        clean(&text, "text", singleLine: false)
        clean(&submitter.name, "name")
        clean(&submitter.address, "address")
        clean(&submitter.phone, "phone")
        clean(&submitter.email, "email")
        clean(&place.residential, "residential")
        return removed
    }

    /// The received event's note of what `removeControlCharacters` removed: "name: 1, text: 2".
    public static let controlCharactersDetail = "control characters removed"

    public static func controlCharactersNote(_ removed: [String: Int]) -> String? {
        guard !removed.isEmpty else { return nil }
        return removed.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }

    /// Checks what the law and the storage need; the first problem found is thrown, naming its field.
    /// - Parameter now: the receipt may be dated at most `maximumReceivedAhead` after it.
    public func validate(now: Date = Date()) throws(FieldError) {
        if text.allSatisfy(\.isWhitespace) {
            throw FieldError(field: "text", message: "nội dung không được để trống")
        }
        for (field, value, limit) in limitedFields {
            if let value, let problem = FieldLimits.problem(value, limit: limit) {
                throw FieldError(field: field, message: (field == "text" ? "nội dung " : "") + problem)
            }
        }
        if let problem = GrievanceDraft.futureReceiptProblem(receivedAt, now: now) {
            throw FieldError(field: "received", message: problem)
        }
        if kind.requiresNamedSubmitter && submitter.isAnonymous {
            throw FieldError(field: "name",
                             message: "đơn tố cáo (to-cao) phải có họ tên người tố cáo (Luật Tố cáo 2018); "
                                 + "đơn nặc danh hãy ghi nhận là phản ánh (phan-anh)")
        }
    }
}

extension GrievanceDraft {
    /// Whether the submitter's identity is protected: asked for, or a tố cáo (Luật Tố cáo 2018 art. 47).
    public var isProtected: Bool { submitter.confidential || kind == .toCao }
}
