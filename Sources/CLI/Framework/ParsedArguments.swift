public import Domain

/// The values found on a command line, with typed accessors that name the field on error.
public struct ParsedArguments: Sendable {
    public var commandPath: String
    var options: [String: [RawArgument]]
    var flags: Set<String>
    var positionals: [RawArgument]
    let specs: [ArgumentSpec]

    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The option's value, its default, or nil. Invalid UTF-8 is bad input naming the field.
    public func string(_ name: String) throws(FieldError) -> String? {
        guard let raw = options[name]?.last else { return spec(name)?.defaultValue }
        if let problem = raw.invalidUTF8 { throw FieldError(field: name, message: problem) }
        return raw.text
    }

    /// All values of a repeating option, in order.
    public func strings(_ name: String) throws(FieldError) -> [String] {
        try (options[name] ?? []).map { raw throws(FieldError) in
            if let problem = raw.invalidUTF8 { throw FieldError(field: name, message: problem) }
            return raw.text
        }
    }

    /// A value the parser already required to be present.
    public func required(_ name: String) throws(FieldError) -> String {
        guard let value = try string(name) else { throw FieldError(field: name, message: "bắt buộc") }
        return value
    }

    public func positional(_ index: Int) throws(FieldError) -> String? {
        guard index < positionals.count else { return nil }
        let raw = positionals[index]
        if let problem = raw.invalidUTF8 {
            let name = specs.filter(\.isPositional).dropFirst(index).first?.name ?? "tham số \(index + 1)"
            throw FieldError(field: name, message: problem)
        }
        return raw.text
    }

    /// Every bare argument from `index` on (a repeating positional such as FILE...).
    public func positionals(from index: Int) throws(FieldError) -> [String] {
        var values: [String] = []
        var position = index
        while let value = try positional(position) {
            values.append(value)
            position += 1
        }
        return values
    }

    /// A value read through `parse`, e.g. an enum code; the message lists what is accepted.
    public func value<T>(_ name: String, accepted: String, _ parse: (String) -> T?) throws(FieldError) -> T? {
        guard let text = try string(name) else { return nil }
        guard let value = parse(text) else {
            throw FieldError(field: name, message: "giá trị không hợp lệ '\(text)'; chấp nhận: \(accepted)")
        }
        return value
    }

    public func integer(_ name: String, range: ClosedRange<Int>) throws(FieldError) -> Int? {
        guard let text = try string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw FieldError(field: name, message: "'\(text)' không phải số nguyên trong khoảng \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    private func spec(_ name: String) -> ArgumentSpec? { specs.first { $0.name == name } }
}
