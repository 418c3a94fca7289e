import Foundation
import Testing
import Storage
import Synchronization

/// Writes joined into one transaction succeed or fail each on their own, and none is lost.
@Suite("Group commit")
struct GroupCommitTests {
    struct Refused: Error {}

    @Test("16 threads of grouped writes: every successful one stored once, every failed one left no trace")
    func eachOnItsOwn() throws {
        let fixture = try StoreFixture()
        let database = fixture.database
        try database.write { try $0.execute(script: "CREATE TABLE scratch (value INTEGER NOT NULL UNIQUE)") }
        let threads = 16, perThread = 60
        let outcomes = Mutex<[Int: Bool]>([:])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                let value = thread * 1000 + index
                do {
                    try database.writeGrouped { connection in
                        try connection.run("INSERT INTO scratch (value) VALUES (?)", [.integer(Int64(value))])
                        // Every seventh write fails after writing: what it wrote must go.
                        if value % 7 == 0 { throw Refused() }
                        // Every eleventh writes a duplicate of itself: SQLite refuses, only this write fails.
                        if value % 11 == 0 { try connection.run("INSERT INTO scratch (value) VALUES (?)", [.integer(Int64(value))]) }
                    }
                    outcomes.withLock { $0[value] = true }
                } catch {
                    outcomes.withLock { $0[value] = false }
                }
            }
        }
        let stored = Set(try database.read { try $0.query("SELECT value FROM scratch").compactMap { $0.int("value") } })
        let expected = outcomes.withLock { $0 }
        #expect(expected.count == threads * perThread)
        #expect(stored == Set(expected.filter(\.value).keys))
        #expect(expected.allSatisfy { $0.value == ($0.key % 7 != 0 && $0.key % 11 != 0) })
    }
}
