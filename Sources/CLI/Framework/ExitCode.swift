/// Ends a command with a status and no further message (the command printed its own).
public struct ExitCode: Error, Sendable, Equatable {
    public var rawValue: Int32

    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    public static let success = ExitCode(0)
    /// Bad input or a failed check.
    public static let failure = ExitCode(1)
    public static let usage = ExitCode(2)
}
