/// What the classifier says of a text.
public struct Classification: Sendable, Equatable {
    public var topic: String
    /// The model's probability for the topic, 0…1 (calibrated by the softmax, not a percentage guess).
    public var confidence: Double
    /// The next likeliest topics.
    public var alternatives: [(topic: String, confidence: Double)]
    public var kind: String
    public var kindConfidence: Double
    /// The words of the text that decided, as written: ["thu hồi", "bồi thường"].
    public var explanation: [String]
    /// Below the model's threshold: a person should decide (the triage queue).
    public var needsReview: Bool
    /// The legal tests that the text meets for its kind, as people read them:
    /// ["tố cáo: “tố cáo”", "hành vi sai phạm: “nhận hối lộ”"]; and why the kind or topic was set
    /// beside the model, when it was.
    public var kindExplanation: [String] = []
    /// Whether a legal test set the kind or the topic beside the model (then `kindExplanation`
    /// ends with why).
    public var ruleApplied = false
    /// The model's own topic and confidence when a legal test set another: a caller whose kind
    /// is not tố cáo (staff typed it) uses this one.
    public var modelTopic: (topic: String, confidence: Double)?
    /// The kind model's probability of tố cáo before calibration (what the denunciation floor reads).
    public var denunciationProbability: Double = 0

    public static func == (a: Classification, b: Classification) -> Bool {
        a.topic == b.topic && a.confidence == b.confidence && a.kind == b.kind && a.explanation == b.explanation
            && a.alternatives.map(\.topic) == b.alternatives.map(\.topic)
    }
}
