import Classifier
import JSONText

/// A classification in the shape of ../shared/INTERFACES.md ("classify").
struct ClassificationJSON: Encodable {
    let id: String
    let result: Classification
    let modelVersion: String
    let locality: LocalityJSON

    private enum Keys: String, CodingKey {
        case id, topic, confidence, kind, kindConfidence = "kind_confidence", alternatives, explanation
        case needsReview = "needs_review", modelVersion = "model_version", locality, kindExplanation = "kind_explanation"
    }
    private enum AlternativeKeys: String, CodingKey { case topic, confidence }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        try c.encode(id, forKey: .id)
        try c.encode(result.topic, forKey: .topic)
        try c.encode(round(result.confidence), forKey: .confidence)
        try c.encode(result.kind, forKey: .kind)
        try c.encode(round(result.kindConfidence), forKey: .kindConfidence)
        var list = c.nestedUnkeyedContainer(forKey: .alternatives)
        for alternative in result.alternatives {
            var a = list.nestedContainer(keyedBy: AlternativeKeys.self)
            try a.encode(alternative.topic, forKey: .topic)
            try a.encode(round(alternative.confidence), forKey: .confidence)
        }
        try c.encode(result.explanation, forKey: .explanation)
        try c.encode(result.kindExplanation, forKey: .kindExplanation)
        try c.encode(result.needsReview, forKey: .needsReview)
        try c.encode(modelVersion, forKey: .modelVersion)
        try c.encode(locality, forKey: .locality)
    }

    /// The same object as `encode(to:)` with `JSONLines`' encoder (keys sorted), written directly:
    /// `classify` writes one per input line and the encoder cost more than the classifier.
    func write(to json: inout JSONByteWriter) {
        func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        json.raw("{\"alternatives\":[")
        for (index, alternative) in result.alternatives.enumerated() {
            json.raw(index == 0 ? "{\"confidence\":" : ",{\"confidence\":")
            json.double(round(alternative.confidence))
            json.raw(",\"topic\":")
            json.string(alternative.topic)
            json.raw("}")
        }
        json.raw("],\"confidence\":")
        json.double(round(result.confidence))
        json.raw(",\"explanation\":")
        json.stringArray(result.explanation)
        json.raw(",\"id\":")
        json.string(id)
        json.raw(",\"kind\":")
        json.string(result.kind)
        json.raw(",\"kind_confidence\":")
        json.double(round(result.kindConfidence))
        json.raw(",\"kind_explanation\":")
        json.stringArray(result.kindExplanation)
        json.raw(",\"locality\":")
        locality.write(to: &json)
        json.raw(",\"model_version\":")
        json.string(modelVersion)
        json.raw(",\"needs_review\":")
        json.bool(result.needsReview)
        json.raw(",\"topic\":")
        json.string(result.topic)
        json.raw("}")
    }
}
