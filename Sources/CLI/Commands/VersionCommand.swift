import Storage

struct VersionCommand: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        name: "version", abstract: "Print the program version, the schema version it writes and SQLite's version.")

    init(_ arguments: ParsedArguments) {}

    func run() throws {
        StandardStreams.printLine("danvan \(VersionCommand.version) (schema \(Migrator.latestVersion), SQLite \(Database.sqliteVersion))")
    }
}
