import Foundation
import Domain
import Secrets
import Storage
import TestSupport

/// A database in a temporary directory, and drafts to put in it.
struct StoreFixture {
    let directory = TemporaryDirectory("danvan-storage")
    let database: Database
    let store: GrievanceStore

    init() throws {
        database = try Database(path: directory.path("test.sqlite"))
        store = GrievanceStore(database: database)
    }

    static func newCode() -> TrackingCode {
        var random = SecureRandom()
        return TrackingCode.random(using: &random)
    }

    static func draft(_ text: String = "Đường Lê Văn Sỹ có ổ gà lớn", kind: Kind = .phanAnh) -> GrievanceDraft {
        GrievanceDraft(kind: kind, channel: .form, text: text, submitter: Submitter(name: "Nguyễn Thị Hoa"),
                       receivedAt: Timestamp.parse("2026-11-23T02:00:00Z")!)
    }
}

extension Database {
    func count(_ table: String) throws -> Int {
        // Table names come from the tests themselves, never from input.
        try read { try $0.queryOne("SELECT count(*) AS n FROM \(table)")?.int("n") ?? -1 }
    }

    /// The schema as SQLite records it, for comparing a migrated file with a fresh one.
    func schemaDump() throws -> [String] {
        try read { connection in
            try connection.query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
                .map { "\($0.string("type") ?? "") \($0.string("name") ?? "") \($0.string("sql") ?? "")" }
        }
    }
}
