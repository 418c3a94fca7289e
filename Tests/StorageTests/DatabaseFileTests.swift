import Foundation
import Testing
@testable import Storage
import TestSupport

@Suite("Database file settings")
struct DatabaseFileTests {
    func setting(_ name: String, _ database: Database) throws -> Int? {
        // The pragma names come from the tests themselves.
        try database.write { try $0.queryOne("PRAGMA \(name)")?.int(name) }
    }

    @Test("a new file gets 16 KiB pages, and its log is copied back every 80 MB")
    func newFile() throws {
        let directory = TemporaryDirectory("danvan-file")
        let database = try Database(path: directory.path("new.sqlite"))
        #expect(try setting("page_size", database) == 16384)
        #expect(try setting("wal_autocheckpoint", database) == (80 << 20) / 16384)
        #expect(try database.write { try $0.queryOne("PRAGMA journal_mode")?.string("journal_mode") } == "wal")
    }

    @Test("a file made with 4 KiB pages keeps them, works as before, and its log limit is still 80 MB")
    func olderFile() throws {
        let directory = TemporaryDirectory("danvan-file")
        let path = directory.path("old.sqlite")
        do {
            let connection = try Connection(path: path)
            try connection.execute(script: "PRAGMA page_size = 4096; CREATE TABLE earlier (x INTEGER)")
        }
        let database = try Database(path: path)
        #expect(try setting("page_size", database) == 4096)
        #expect(try setting("wal_autocheckpoint", database) == (80 << 20) / 4096)
        let store = GrievanceStore(database: database)
        let stored = try store.add(StoreFixture.draft(), newCode: StoreFixture.newCode)
        #expect(try store.find(stored.trackingCode)?.grievance.text == StoreFixture.draft().text)
    }
}
