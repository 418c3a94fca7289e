/// One labelled text: from the corpus, or a staff correction.
public struct Example: Sendable, Equatable {
    public var id: String
    public var text: String
    public var topic: String
    public var kind: String

    public init(id: String, text: String, topic: String, kind: String) {
        self.id = id
        self.text = text
        self.topic = topic
        self.kind = kind
    }

    /// The fold an example belongs to in k-fold cross-validation: the number in its id modulo k,
    /// a rule simple enough for the scikit-learn baseline (bench/) to apply to the same rows.
    public func fold(of k: Int) -> Int {
        let digits = id.filter(\.isNumber)
        return (Int(digits.suffix(9)) ?? 0) % k
    }
}
