/// What happened to a grievance. Events are appended, never changed.
public enum EventType: String, Codable, Sendable, CaseIterable {
    /// The grievance came in.
    case received
    /// Its status changed.
    case statusChanged = "status-changed"
    /// Staff corrected its topic or kind (kept to retrain the classifier).
    case corrected
    /// Its resolution deadline was extended, within the rule's limits.
    case extended
    /// The citizen wrote again about the same matter (a reply by e-mail): kept with the grievance.
    case followUp = "follow-up"
    /// Someone was shown a protected submitter's identity (Luật Tố cáo 2018 art. 47): who, when, why.
    case identityRevealed = "identity-revealed"

    /// Whether it changes the matter, so that it counts as the grievance's last update (Open311's
    /// `updated_datetime`): everything but a look at a protected identity, which must not show
    /// outside, even as a time.
    public var changesTheMatter: Bool { self != .identityRevealed }
}
