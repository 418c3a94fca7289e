/// Writes `--help` text for people: the frame in Vietnamese, each command's own text as it gives it.
enum HelpFormatter {
    static func help(for command: any ParsableCommand.Type, path: String) -> String {
        let config = command.configuration
        var text = "MÔ TẢ: \(config.abstract)\n"
        if !config.discussion.isEmpty { text += "\n\(config.discussion)\n" }
        text += "\nCÁCH DÙNG: \(usage(for: command, path: path))\n"
        let positionals = config.arguments.filter(\.isPositional)
        if !positionals.isEmpty {
            text += "\nTHAM SỐ:\n"
            for spec in positionals { text += row("<\(spec.name)>", spec.help) }
        }
        let options = (config.subcommands.isEmpty ? CommandRunner.specs(of: command) : config.arguments).filter { !$0.isPositional }
        text += "\nTÙY CHỌN:\n"
        for spec in options {
            var label = "--\(spec.name)"
            if case let .option(valueName, _) = spec.form { label += " <\(valueName)>" }
            var help = spec.help
            if let value = spec.defaultValue { help += " (mặc định: \(value))" }
            if spec.isRequired { help += " (bắt buộc)" }
            text += row(label, help)
        }
        text += row("-h, --help", "Hiện hướng dẫn này (show this help).")
        if !config.subcommands.isEmpty {
            text += "\nLỆNH CON:\n"
            for sub in config.subcommands { text += row(sub.configuration.name, sub.configuration.abstract) }
            text += "\n  Xem '\(path) help <lệnh con>' để biết chi tiết.\n"
        }
        if !config.examples.isEmpty {
            text += "\nVÍ DỤ:\n"
            for example in config.examples { text += "  \(example)\n" }
        }
        return text
    }

    static func usage(for command: any ParsableCommand.Type, path: String) -> String {
        let config = command.configuration
        if !config.subcommands.isEmpty { return "\(path) <lệnh con>" }
        var parts = [path]
        for spec in CommandRunner.specs(of: command) {
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
