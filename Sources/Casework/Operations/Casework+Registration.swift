public import Foundation
public import Domain
internal import Classifier

extension Casework {
    /// A registered petition, and why it might be a tố cáo when the desk typed another kind.
    public struct Registration: Sendable {
        public var grievance: Grievance
        /// The legal tests or the model's reading that make the text look like a denunciation,
        /// when its kind is not tố cáo: staff are told, since a tố cáo registered as anything else
        /// loses its protection and may reach the unit it accuses.
        public var denunciationSuggested: String?
    }

    /// Registers a petition received at a desk, through the API or the public form: control
    /// characters dropped (the event says so), the draft checked, placed, classified and routed
    /// (unless `route` is false: then only placed), then stored with its events in one transaction.
    /// - Parameters:
    ///   - topic: the topic staff chose, else the classifier's.
    ///   - routing: the rules and the classifier; `routing.classifier` may be nil only when `topic` is given
    ///     and the kind is tố cáo (nothing to suggest).
    public func register(_ draft: GrievanceDraft, topic: String?, route: Bool, routing: GrievanceRouting,
                         as principal: Principal, at instant: Date) throws -> Registration {
        try require(access.canRegister(as: principal), "ghi nhận đơn", principal)
        var (draft, removed) = try Casework.checked(draft, topic: topic, route: route, at: instant)
        var assignment: RoutingAssignment?
        if route {
            assignment = try routing.route(&draft, topic: topic)
        } else {
            routing.locate(&draft)
        }
        var details: [String: String] = [:]
        details[GrievanceDraft.controlCharactersDetail] = GrievanceDraft.controlCharactersNote(removed)
        var denunciation: String?
        if draft.kind != .toCao, let classifier = routing.classifier {
            let suggestion = classifier.classify(draft.text)
            if suggestion.kind == Kind.toCao.rawValue {
                let why = suggestion.kindExplanation.isEmpty ? "theo mô hình phân loại" : suggestion.kindExplanation.joined(separator: "; ")
                details["kind_suggested"] = Kind.toCao.rawValue
                details["kind_explanation"] = why
                denunciation = why
            }
        }
        if draft.office == nil { draft.office = routing.office }
        let grievance = try register(draft, routing: assignment, receivedDetails: details, as: principal, at: instant)
        return Registration(grievance: grievance, denunciationSuggested: denunciation)
    }

    /// The draft as it will be stored (control characters dropped, with what was dropped), or the
    /// first problem naming its field; front ends call it to refuse bad input before opening anything.
    public static func checked(_ draft: GrievanceDraft, topic: String?, route: Bool,
                               at instant: Date) throws(FieldError) -> (GrievanceDraft, removed: [String: Int]) {
        var draft = draft
        let removed = draft.removeControlCharacters()
        try draft.validate(now: instant)
        try PlaceCheck.check(draft.place)
        if !route && topic != nil {
            throw FieldError(field: "topic", message: "chủ đề chỉ dùng khi chuyển xử lý; bỏ --no-route hoặc --topic")
        }
        return (draft, removed)
    }
}
