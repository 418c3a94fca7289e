/// Writes `--help` text for people.
enum HelpFormatter {
    static func help(for command: any ParsableCommand.Type, path: String) -> String {
        let config = command.configuration
        var text = "OVERVIEW: \(config.abstract)\n"
        if !config.discussion.isEmpty { text += "\n\(config.discussion)\n" }
        text += "\nUSAGE: \(usage(for: command, path: path))\n"
        let positionals = config.arguments.filter(\.isPositional)
        if !positionals.isEmpty {
            text += "\nARGUMENTS:\n"
            for spec in positionals { text += row("<\(spec.name)>", spec.help) }
        }
        let options = config.arguments.filter { !$0.isPositional }
        text += "\nOPTIONS:\n"
        for spec in options {
            var label = "--\(spec.name)"
            if case let .option(valueName, _) = spec.form { label += " <\(valueName)>" }
            var help = spec.help
            if let value = spec.defaultValue { help += " (default: \(value))" }
            if spec.isRequired { help += " (required)" }
            text += row(label, help)
        }
        text += row("-h, --help", "Show help information.")
        if !config.subcommands.isEmpty {
            text += "\nSUBCOMMANDS:\n"
            for sub in config.subcommands { text += row(sub.configuration.name, sub.configuration.abstract) }
            text += "\n  See '\(path) help <subcommand>' for detailed help.\n"
        }
        if !config.examples.isEmpty {
            text += "\nEXAMPLES:\n"
            for example in config.examples { text += "  \(example)\n" }
        }
        return text
    }

    static func usage(for command: any ParsableCommand.Type, path: String) -> String {
        let config = command.configuration
        if !config.subcommands.isEmpty { return "\(path) <subcommand>" }
        var parts = [path]
        for spec in config.arguments {
            switch spec.form {
            case let .option(valueName, repeating):
                let part = "--\(spec.name) <\(valueName)>" + (repeating ? " ..." : "")
                parts.append(spec.isRequired ? part : "[\(part)]")
            case .flag:
                parts.append("[--\(spec.name)]")
            case let .positional(_, repeating):
                let part = "<\(spec.name)>" + (repeating ? " ..." : "")
                parts.append(spec.isRequired ? part : "[\(part)]")
            }
        }
        return parts.joined(separator: " ")
    }

    private static func row(_ label: String, _ help: String) -> String {
        let padded = label.count < 26 ? label + String(repeating: " ", count: 26 - label.count) : label + "\n" + String(repeating: " ", count: 28)
        return "  \(padded)\(help)\n"
    }
}
