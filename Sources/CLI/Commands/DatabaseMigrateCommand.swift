import Domain
import Storage

struct DatabaseMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "migrate",
        abstract: "Create the database or bring its schema up to date.",
        discussion: "Each numbered migration runs in its own transaction; running it again changes nothing.",
        arguments: [.database],
        examples: ["danvan db migrate --db var/danvan.sqlite"])

    let path: String

    init(_ arguments: ParsedArguments) throws {
        path = try arguments.required("db")
    }

    func run() throws {
        let before: Int
        do {
            before = try Database.existingSchemaVersion(at: path)
        } catch let error as DatabaseOpenError {
            throw FieldError(field: "db", message: error.description)
        }
        let database = try CommandContext.openDatabase(path, creating: true)
        try JSONLines.print([
            "database": .string(path), "schema_version": .int(try database.schemaVersion()), "previous_version": .int(before),
        ] as [String: JSONScalar])
    }
}
