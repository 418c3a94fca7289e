/// One option, flag or positional argument a command accepts, with the help people read.
public struct ArgumentSpec: Sendable {
    public enum Form: Sendable {
        /// `--name VALUE`; `repeating` options may be given several times.
        case option(valueName: String, repeating: Bool)
        /// `--name`, true when present.
        case flag
        /// A bare argument, in order; a `repeating` one (the last) takes all that remain.
        case positional(valueName: String, repeating: Bool)
    }

    public var name: String
    public var form: Form
    public var help: String
    public var isRequired: Bool
    public var defaultValue: String?

    public static func option(_ name: String, value: String, help: String, required: Bool = false,
                              default defaultValue: String? = nil, repeating: Bool = false) -> ArgumentSpec {
        ArgumentSpec(name: name, form: .option(valueName: value, repeating: repeating), help: help,
                     isRequired: required, defaultValue: defaultValue)
    }

    public static func flag(_ name: String, help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, form: .flag, help: help, isRequired: false, defaultValue: nil)
    }

    public static func positional(_ name: String, help: String, required: Bool = true, repeating: Bool = false) -> ArgumentSpec {
        ArgumentSpec(name: name, form: .positional(valueName: name, repeating: repeating), help: help, isRequired: required,
                     defaultValue: nil)
    }

    /// The `--db PATH` option most commands share.
    public static let database = option("db", value: "PATH", help: "tệp cơ sở dữ liệu SQLite (SQLite database file)", default: "var/danvan.sqlite")

    /// `--as LOGIN`, which every command takes: act, and be refused, as that user would be.
    public static let actingAs = option("as", value: "LOGIN",
                                        help: "hành động với tư cách người dùng này; mặc định là người vận hành máy, vai trò quản trị (act as this user; default: the machine's operator, an admin)")

    /// The `--rules DIR` option of commands that read routing-rules/.
    public static let rulesDirectory = option("rules", value: "DIR", help: "thư mục quy tắc chuyển xử lý (routing rules directory)", default: "routing-rules")

    var isPositional: Bool {
        if case .positional = form { return true }
        return false
    }

    var isRepeatingPositional: Bool {
        if case .positional(_, true) = form { return true }
        return false
    }
}
