/// A subcommand: parsed from its arguments, checked, then run. Modelled on swift-argument-parser.
public protocol ParsableCommand: Sendable {
    static var configuration: CommandConfiguration { get }
    init(_ arguments: ParsedArguments) throws
    /// Checks the parsed values before anything is read or written.
    func validate() throws
    func run() throws
}

extension ParsableCommand {
    public func validate() throws {}
}

/// A command that only groups subcommands: run without one, it prints its help.
public protocol CommandGroup: ParsableCommand {}

extension CommandGroup {
    /// Never called: the runner prints a group's help instead of running it.
    public func run() throws {}
}
