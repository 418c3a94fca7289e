/// Turns raw arguments into `ParsedArguments` for one command's specs.
enum ArgumentParser {
    static func parse(_ arguments: ArraySlice<RawArgument>, specs: [ArgumentSpec],
                      commandPath: String) throws(UsageError) -> ParsedArguments {
        var options: [String: [RawArgument]] = [:]
        var flags: Set<String> = []
        var positionals: [RawArgument] = []
        var index = arguments.startIndex
        var onlyPositionals = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            let text = argument.text
            if onlyPositionals || !text.hasPrefix("--") || text == "-" {
                positionals.append(argument)
                continue
            }
            if text == "--" {
                onlyPositionals = true
                continue
            }
            // --name=value or --name value
            var name = String(text.dropFirst(2))
            var inlineValue: RawArgument?
            if let equals = name.firstIndex(of: "=") {
                var value = argument
                value.text = String(name[name.index(after: equals)...])
                inlineValue = value
                name = String(name[..<equals])
            }
            guard let spec = specs.first(where: { $0.name == name && !$0.isPositional }) else {
                throw UsageError("không có tùy chọn '--\(name)'", commandPath: commandPath)
            }
            switch spec.form {
            case .flag:
                guard inlineValue == nil else {
                    throw UsageError("tùy chọn '--\(name)' không nhận giá trị", commandPath: commandPath)
                }
                flags.insert(name)
            case let .option(valueName, repeating):
                let value: RawArgument
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.endIndex else {
                        throw UsageError("tùy chọn '--\(name)' cần một giá trị (\(valueName))", commandPath: commandPath)
                    }
                    value = arguments[index]
                    index += 1
                }
                if !repeating, options[name] != nil {
                    throw UsageError("tùy chọn '--\(name)' được cho nhiều lần", commandPath: commandPath)
                }
                options[name, default: []].append(value)
            case .positional:
                break
            }
        }
        for spec in specs where spec.isRequired && !spec.isPositional && options[spec.name] == nil {
            throw UsageError("thiếu tùy chọn '--\(spec.name)'", commandPath: commandPath)
        }
        let positionalSpecs = specs.filter(\.isPositional)
        let requiredCount = positionalSpecs.filter(\.isRequired).count
        if positionals.count < requiredCount {
            let missing = positionalSpecs[positionals.count].name
            throw UsageError("thiếu tham số <\(missing)>", commandPath: commandPath)
        }
        if positionals.count > positionalSpecs.count && positionalSpecs.last?.isRepeatingPositional != true {
            throw UsageError("thừa tham số '\(positionals[positionalSpecs.count].text)'", commandPath: commandPath)
        }
        return ParsedArguments(commandPath: commandPath, options: options, flags: flags,
                               positionals: positionals, specs: specs)
    }
}
