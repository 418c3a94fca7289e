internal import Foundation
public import Domain
public import Classifier
public import Routing
internal import Locality
internal import VietText
internal import Intake

/// What happens to a new grievance before it is stored: its place is found, its topic (and, for
/// imports, its kind) suggested unless given, and the rules decide where it goes. Shared by
/// `grievance add`, `demo` and `import`; safe to call from several threads at once.
public struct GrievanceRouting: Sendable {
    public let book: RuleBook
    public let classifier: TopicClassifier?
    public let office: String?

    /// - Parameter classifier: nil when every caller gives the topic (the demo).
    public init(book: RuleBook, classifier: TopicClassifier?, office: String?) throws(FieldError) {
        if let office, book.directory[office] == nil {
            throw FieldError(field: "office", message: "không có đơn vị '\(office)'; xem routing-rules/units/")
        }
        self.book = book
        self.classifier = classifier
        self.office = office
    }

    /// A topic as a sheet writes it, "dat-dai" or "Đất đai", as the taxonomy's id; nil if unknown.
    public func topicID(_ written: String) -> String? {
        if book.topics[written] != nil { return written }
        let folded = VietText.fold(written)
        return book.topics.values.first { VietText.fold($0.name) == folded || VietText.fold($0.id) == folded }?.id
    }

    /// A topic staff gave must be one of the rules' topics.
    public func checkTopic(_ topic: String) throws(FieldError) {
        guard book.topics[topic] != nil else {
            throw FieldError(field: "topic", message: "không có chủ đề '\(topic)'; các chủ đề: \(book.topics.keys.sorted().joined(separator: ", "))")
        }
    }

    /// The place filled in from the address (or the text) when none was given. A protected
    /// submitter's address (a denouncer's, Luật Tố cáo 2018 art. 47) may place the matter in its
    /// province and commune, which decide jurisdiction, but its residential area, a few hundred
    /// households, is taken only from the text: nothing shown to units may narrow the denouncer down.
    public func locate(_ draft: inout GrievanceDraft) {
        guard draft.place.provinceCode == nil && draft.place.communeCode == nil else { return }
        let officeUnit = office.flatMap { book.directory[$0] }
        let extractor = LocalityExtractor()
        let located = extractor.locate(draft.submitter.address ?? draft.text, defaultProvince: officeUnit?.provinces.first,
                                       defaultCommune: officeUnit?.communes.first)
        let textNeeded = draft.submitter.address != nil && (located.commune == nil || draft.isProtected)
        let fromText = textNeeded ? extractor.locate(draft.text, defaultProvince: located.province?.code) : located
        let best = fromText.commune != nil ? fromText : located
        draft.place.provinceCode = best.province?.code
        draft.place.communeCode = best.commune?.code
        if draft.place.residential == nil {
            draft.place.residential = draft.isProtected ? fromText.residential : (best.residential ?? located.residential)
        }
    }

    /// The place filled in from the address (or the text), the kind suggested when `suggestKind`,
    /// and the routing decision as the domain records it.
    public func route(_ draft: inout GrievanceDraft, topic givenTopic: String?, suggestKind: Bool = false) throws -> RoutingAssignment {
        let topic: String, confidence: Double
        var classification: Classification?
        if givenTopic == nil || suggestKind {
            guard let classifier else { throw FieldError(field: "topic", message: "chưa nạp mô hình phân loại để gợi ý chủ đề") }
            classification = classifier.classify(draft.text, explain: false)
        }
        if suggestKind, let classification, let kind = Kind(code: classification.kind) {
            // An anonymous letter cannot be a tố cáo in law; it is handled as a phản ánh, but its
            // sender stays protected: an e-mail address or a phone identifies a person as a name does.
            if kind == .toCao { draft.submitter.confidential = true }
            draft.kind = kind == .toCao && draft.submitter.isAnonymous ? .phanAnh : kind
        }
        if let givenTopic {
            try checkTopic(givenTopic)
            (topic, confidence) = (givenTopic, 1)
        } else if let model = classification!.modelTopic, draft.kind != .toCao {
            // The legal tests moved the topic for a denunciation; this one is not registered as one.
            (topic, confidence) = model
        } else {
            (topic, confidence) = (classification!.topic, classification!.confidence)
        }
        // After the kind is known: a denouncer's address gives no residential area.
        locate(&draft)
        let decision = Router(book: book).route(RoutingRequest(
            text: draft.text, kind: draft.kind, topic: topic, confidence: confidence, province: draft.place.provinceCode,
            commune: draft.place.communeCode, residential: draft.place.residential, channel: draft.channel,
            received: LocalDate(draft.receivedAt), office: office))
        let outcome: RoutingAssignment.Outcome = switch decision.outcome {
        case .unit: .unit
        case .transfer: .transfer
        case .triage: .triage
        }
        var assignment = RoutingAssignment(outcome: outcome, topic: topic, leadUnit: decision.leadUnit,
                                 coordinatingUnits: decision.coordinatingUnits, authority: decision.authority,
                                 dueAccept: decision.dueAccept, dueResolve: decision.dueResolve, rule: decision.ruleID,
                                 rulesVersion: decision.rulesVersion, deadlinePolicy: decision.deadlinePolicy,
                                 explanation: decision.explanation)
        // A suggested tố cáo, or a kind a legal test set: staff see why in the history.
        if suggestKind, let classification, classification.ruleApplied || classification.kind == Kind.toCao.rawValue {
            assignment.kindExplanation = classification.kindExplanation
        }
        return assignment
    }
}
