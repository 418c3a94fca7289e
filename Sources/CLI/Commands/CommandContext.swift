import Foundation
import Domain
import Storage
import Secrets
import Casework
import Routing

/// What most commands need: the database through Casework, and who is acting.
enum CommandContext {
    /// Opens `--db`, saying in one line naming the option what is wrong with the path, and telling
    /// on stderr when a new database was made (a mistyped path shows at once).
    static func openDatabase(_ path: String, creating: Bool) throws -> Database {
        do {
            let database = try Database(path: path, creating: creating)
            if database.wasCreated { StandardStreams.printError("Đã tạo cơ sở dữ liệu mới: \(path)") }
            return database
        } catch let error as DatabaseOpenError {
            throw FieldError(field: "db", message: error.description)
        }
    }

    /// Casework over `--db`, and who acts (`--as`, else the machine's operator). Only commands
    /// meant to start a database (add, import, demo, db migrate, user add) pass `creating`.
    /// - Parameter book: the rules, when the command has them (units below a head's, deadlines).
    static func casework(databasePath: String, creating: Bool = false, book: RuleBook? = nil,
                         as login: String?) throws -> (casework: Casework, principal: Principal) {
        let casework = Casework(database: try openDatabase(databasePath, creating: creating), book: book)
        return (casework, try casework.principal(login: login, systemUser: actor))
    }

    /// The rules when they can be read; commands that only show use them for units' names and
    /// the units below a head's, and go on without them.
    static func optionalRules(_ directory: String) -> RuleBook? {
        try? RuleBookLoader.load(directory: directory)
    }

    /// The operator's login name, recorded on events.
    static var actor: String {
        ProcessInfo.processInfo.environment["DANVAN_ACTOR"] ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
    }

    static func newTrackingCode() -> TrackingCode {
        var random = SecureRandom()
        return TrackingCode.random(using: &random)
    }

    /// Parses a tracking code argument, or says what one looks like.
    static func trackingCode(_ text: String, field: String) throws(FieldError) -> TrackingCode {
        guard let code = TrackingCode(parsing: text) else {
            throw FieldError(field: field, message: "'\(text)' không phải mã đơn (10 chữ cái và chữ số, ví dụ K7M3Q-9TXR2)")
        }
        return code
    }
}
