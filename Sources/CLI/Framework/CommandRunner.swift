#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Domain

/// Finds the subcommand named on the command line, parses its arguments, runs it and maps
/// errors to exit statuses: 0 success, 1 bad input or a failed check, 2 usage error.
public enum CommandRunner {
    /// Runs with the process's own arguments (kept as bytes: they may not be UTF-8) and exits.
    public static func main(root: any ParsableCommand.Type) -> Never {
        // A closed pipe (`danvan grievance list | head`) must not kill the process mid-write.
        signal(SIGPIPE, SIG_IGN)
        var arguments: [RawArgument] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let length = strlen(pointer)
            let bytes = pointer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
            arguments.append(RawArgument(bytes: bytes))
        }
        let status = run(root: root, arguments: arguments)
        StandardStreams.flush()
        exit(status)
    }

    /// Runs and returns the exit status; tests call this directly.
    public static func run(root: any ParsableCommand.Type, arguments: [RawArgument]) -> Int32 {
        var command: any ParsableCommand.Type = root
        var path = root.configuration.name
        var rest = arguments[...]
        // Walk down the subcommand names; "help" anywhere prints the help of what follows it.
        var wantsHelp = false
        while let next = rest.first {
            if next.text == "help" && !command.configuration.subcommands.isEmpty {
                wantsHelp = true
                rest = rest.dropFirst()
                continue
            }
            guard let sub = command.configuration.subcommands.first(where: { $0.configuration.name == next.text }) else { break }
            command = sub
            path += " " + sub.configuration.name
            rest = rest.dropFirst()
        }
        if ObjectIdentifier(command) == ObjectIdentifier(root), rest.first?.text == "--version" {
            StandardStreams.printLine(VersionCommand.line)
            return 0
        }
        // A word that names no subcommand is an error even with --help: the help of the group
        // above it, exit 0, would let a script believe the command exists.
        if !command.configuration.subcommands.isEmpty, let unknown = rest.first, !unknown.text.hasPrefix("-") {
            return report(UsageError(CommandRunner.unknownSubcommand(unknown.text, path: path), commandPath: path))
        }
        if wantsHelp || rest.contains(where: { $0.text == "--help" || $0.text == "-h" }) {
            StandardStreams.printLine(HelpFormatter.help(for: command, path: path))
            return 0
        }
        if !command.configuration.subcommands.isEmpty {
            if let unknown = rest.first {
                return report(UsageError("không có tùy chọn '\(unknown.text)' cho '\(path)'", commandPath: path))
            }
            StandardStreams.printError(HelpFormatter.help(for: command, path: path))
            return ExitCode.usage.rawValue
        }
        do {
            let parsed = try ArgumentParser.parse(rest, specs: CommandRunner.specs(of: command), commandPath: path)
            let instance = try command.init(parsed)
            try instance.validate()
            try instance.run()
            return 0
        } catch {
            return report(error)
        }
    }

    /// Commands that ../shared/INTERFACES.md promises and this version does not have yet.
    static let notYetBuilt: Set<String> = ["report", "backup", "restore", "similar", "tick", "outbox", "check"]

    static func unknownSubcommand(_ name: String, path: String) -> String {
        if path == "danvan" && notYetBuilt.contains(name) {
            return "lệnh 'danvan \(name)' có trong giao diện dự kiến nhưng chưa được xây dựng ở phiên bản này "
                + "(not built yet; README, mục \"Chưa có\")"
        }
        return "không có lệnh '\(name)' trong '\(path)' (unknown subcommand)"
    }

    /// A command's own arguments, and `--as`, which every command takes.
    static func specs(of command: any ParsableCommand.Type) -> [ArgumentSpec] {
        let own = command.configuration.arguments
        return own.contains { $0.name == "as" } ? own : own + [.actingAs]
    }

    private static func report(_ error: any Error) -> Int32 {
        switch error {
        case let exit as ExitCode:
            return exit.rawValue
        case let usage as UsageError:
            StandardStreams.printError("error: \(usage)")
            return ExitCode.usage.rawValue
        default:
            // FieldError, TransitionError, StoreError … describe themselves as "field: message".
            StandardStreams.printError("error: \(error)")
            return ExitCode.failure.rawValue
        }
    }
}
