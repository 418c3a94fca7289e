/// Why a database file could not be opened, in the words of the person who named it: the front
/// ends say which option or setting held the path.
public enum DatabaseOpenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No file at the path, for a command that only reads or changes an existing database.
    case missing(path: String)
    /// The file exists but is not an SQLite database (a sheet or a mailbox given by mistake).
    case notADatabase(path: String)
    /// The path cannot be opened at all: a folder, no permission, a missing parent folder.
    case cannotOpen(path: String, reason: String)

    public var path: String {
        switch self {
        case let .missing(path), let .notADatabase(path), let .cannotOpen(path, _): path
        }
    }

    public var description: String {
        switch self {
        case let .missing(path):
            "không có cơ sở dữ liệu '\(path)'; kiểm tra đường dẫn, hoặc tạo mới bằng 'danvan db migrate --db \(path)'"
        case let .notADatabase(path):
            "'\(path)' không phải cơ sở dữ liệu SQLite (file is not a database)"
        case let .cannotOpen(path, reason):
            "không mở được '\(path)': \(reason)"
        }
    }
}
