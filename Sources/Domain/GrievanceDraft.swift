public import Foundation

/// What a registrar, a form or an importer supplies for a new grievance, before it has a code.
public struct GrievanceDraft: Sendable, Equatable {
    /// The longest text accepted, in characters: long petitions fit; a pasted book does not.
    public static let maximumTextLength = 100_000

    public var kind: Kind
    public var channel: Channel
    public var text: String
    public var submitter: Submitter
    public var receivedAt: Date
    public var place: Place

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
        text.utf8.count > maximumTextLength && text.count > maximumTextLength
    }

    /// Checks what the law and the storage need; the first problem found is thrown, naming its field.
    public func validate() throws(FieldError) {
        if text.allSatisfy(\.isWhitespace) {
            throw FieldError(field: "text", message: "nội dung không được để trống")
        }
        if GrievanceDraft.exceedsMaximumLength(text) {
            let length = text.count
            throw FieldError(field: "text",
                             message: "nội dung dài \(length) ký tự; tối đa \(GrievanceDraft.maximumTextLength) ký tự")
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
