import Storage

struct VersionCommand: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        name: "version", abstract: "In phiên bản chương trình, phiên bản lược đồ dữ liệu và phiên bản SQLite. (Print the program version, the schema version it writes and SQLite's version; also 'danvan --version'.)")

    static var line: String {
        "danvan \(version) (schema \(Migrator.latestVersion), SQLite \(Database.sqliteVersion))"
    }

    init(_ arguments: ParsedArguments) {}

    func run() throws {
        StandardStreams.printLine(VersionCommand.line)
    }
}
