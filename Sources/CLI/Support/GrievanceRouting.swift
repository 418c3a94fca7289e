import Foundation
import Domain
import Classifier
import Locality
import Routing

/// What happens to a new grievance before it is stored: its place is found, its topic suggested
/// (unless staff gave one) and the rules decide where it goes.
struct GrievanceRouting {
    let book: RuleBook
    let modelPath: String
    let office: String?

    /// The place filled in from the address (or the text), the routing decision as the domain records it.
    func route(_ draft: inout GrievanceDraft, topic givenTopic: String?) throws -> RoutingAssignment {
        if let office, book.directory[office] == nil {
            throw FieldError(field: "office", message: "unknown unit '\(office)'; see routing-rules/units/")
        }
        if draft.place.provinceCode == nil && draft.place.communeCode == nil {
            let officeUnit = office.flatMap { book.directory[$0] }
            let located = LocalityExtractor().locate(draft.submitter.address ?? draft.text,
                                                     defaultProvince: officeUnit?.provinces.first,
                                                     defaultCommune: officeUnit?.communes.first)
            let fromText = located.commune == nil && draft.submitter.address != nil
                ? LocalityExtractor().locate(draft.text, defaultProvince: located.province?.code) : located
            let best = fromText.commune != nil ? fromText : located
            draft.place.provinceCode = best.province?.code
            draft.place.communeCode = best.commune?.code
            if draft.place.residential == nil { draft.place.residential = best.residential ?? located.residential }
        }
        let topic: String, confidence: Double
        if let givenTopic {
            guard book.topics[givenTopic] != nil else {
                throw FieldError(field: "topic", message: "unknown topic '\(givenTopic)'; known: \(book.topics.keys.sorted().joined(separator: ", "))")
            }
            (topic, confidence) = (givenTopic, 1)
        } else {
            let classifier = try ModelFile.read(path: modelPath)
            let result = classifier.classify(draft.text)
            (topic, confidence) = (result.topic, result.confidence)
        }
        let decision = Router(book: book).route(RoutingRequest(
            text: draft.text, kind: draft.kind, topic: topic, confidence: confidence, province: draft.place.provinceCode,
            commune: draft.place.communeCode, residential: draft.place.residential, channel: draft.channel,
            received: LocalDate(draft.receivedAt), office: office))
        let outcome: RoutingAssignment.Outcome = switch decision.outcome {
        case .unit: .unit
        case .transfer: .transfer
        case .triage: .triage
        }
        return RoutingAssignment(outcome: outcome, topic: topic, leadUnit: decision.leadUnit,
                                 coordinatingUnits: decision.coordinatingUnits, authority: decision.authority,
                                 dueAccept: decision.dueAccept, dueResolve: decision.dueResolve, rule: decision.ruleID,
                                 rulesVersion: decision.rulesVersion, deadlinePolicy: decision.deadlinePolicy,
                                 explanation: decision.explanation)
    }
}
