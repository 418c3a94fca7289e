import Foundation
import Testing
import Domain
import Storage
import TestSupport

@Suite("Checkpoints beside a long write")
struct CheckpointerTests {
    /// Writes 2,000 grievances with the writer's own checkpoints off, in two steps, then waits a
    /// little; returns the size of the database file (without its log).
    private func fileSizeAfterWriting(checkpointer: Bool) throws -> (before: Int, after: Int, rows: Int) {
        let fixture = try StoreFixture()
        let path = fixture.database.path
        let before = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let background = checkpointer ? try Checkpointer(fixture.database, interval: 0.02) : nil
        try fixture.database.writeInSteps { connection, commit in
            try connection.execute(script: "PRAGMA wal_autocheckpoint = 0")
            for index in 0..<2000 {
                _ = try GrievanceStore.insertNew(StoreFixture.draft("Phản ánh số \(index): " + String(repeating: "đường ngập ", count: 20)),
                                                 newCode: StoreFixture.newCode, in: connection)
                if index == 999 { try commit { false } }
            }
        }
        // Long enough for several checkpoints of a few megabytes.
        Thread.sleep(forTimeInterval: 0.5)
        background?.stop()
        let after = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        return (before, after, try fixture.database.count("grievances"))
    }

    @Test("the log is copied into the file while the writer never checkpoints; without it, it is not")
    func copiesTheLog() throws {
        let with = try fileSizeAfterWriting(checkpointer: true)
        #expect(with.rows == 2000)
        #expect(with.after > with.before + 1_000_000, "file grew from \(with.before) to \(with.after) bytes")
        let without = try fileSizeAfterWriting(checkpointer: false)
        #expect(without.rows == 2000)
        #expect(without.after == without.before)
    }
}
