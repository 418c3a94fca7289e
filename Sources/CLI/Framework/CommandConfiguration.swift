/// What `--help` shows for a command and what it accepts.
public struct CommandConfiguration: Sendable {
    public var name: String
    public var abstract: String
    public var discussion: String
    public var arguments: [ArgumentSpec]
    public var subcommands: [any ParsableCommand.Type]
    /// Lines of examples shown under EXAMPLES.
    public var examples: [String]

    public init(name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
                subcommands: [any ParsableCommand.Type] = [], examples: [String] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.subcommands = subcommands
        self.examples = examples
    }
}
