/// What happened to a grievance. Events are appended, never changed.
public enum EventType: String, Codable, Sendable, CaseIterable {
    /// The grievance came in.
    case received
    /// Its status changed.
    case statusChanged = "status-changed"
}
