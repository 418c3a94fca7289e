import Foundation
import Domain
import Storage
import Secrets

/// What most commands need: the database, the clock and who is acting.
struct CommandContext {
    let store: GrievanceStore

    init(databasePath: String) throws {
        store = GrievanceStore(database: try Database(path: databasePath))
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
