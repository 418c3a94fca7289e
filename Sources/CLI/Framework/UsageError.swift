/// The command line itself is wrong (unknown option, missing argument): exit status 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// "danvan grievance add", for the hint to its --help.
    public var commandPath: String

    public init(_ message: String, commandPath: String = "danvan") {
        self.message = message
        self.commandPath = commandPath
    }

    public var description: String { "\(message)\nXem '\(commandPath) --help'." }
}
