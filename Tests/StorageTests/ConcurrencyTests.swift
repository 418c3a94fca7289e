import Foundation
import Testing
import Domain
import Storage

@Suite("Concurrent writers")
struct ConcurrencyTests {
    @Test("threads sharing one database are serialised and lose nothing")
    func sharedDatabase() throws {
        let fixture = try StoreFixture()
        let threads = 8, perThread = 250
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for i in 0..<perThread {
                do {
                    _ = try fixture.store.add(StoreFixture.draft("Luồng \(thread) đơn \(i)"), newCode: StoreFixture.newCode)
                } catch {
                    failures.record("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        #expect(try fixture.database.count("grievances") == threads * perThread)
        #expect(try fixture.database.count("grievance_events") == threads * perThread)
    }

    @Test("separate connections to one file (as separate processes would) wait for each other")
    func separateConnections() throws {
        let fixture = try StoreFixture()
        let path = fixture.database.path
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            do {
                let store = GrievanceStore(database: try Database(path: path))
                for i in 0..<100 {
                    let added = try store.add(StoreFixture.draft("Kết nối \(worker) đơn \(i)"), newCode: StoreFixture.newCode)
                    _ = try store.transition(added.trackingCode, TransitionRequest(to: .triage), at: Date(), actor: nil)
                }
            } catch {
                failures.record("\(error)")
            }
        }
        #expect(failures.all.isEmpty)
        #expect(try fixture.database.count("grievances") == 400)
        #expect(try fixture.database.count("grievance_events") == 800)
    }

    @Test("async callers are served off the cooperative pool")
    func asyncWriters() async throws {
        let fixture = try StoreFixture()
        let database = fixture.database
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    try await database.write { connection in
                        _ = try GrievanceStore.insertNew(StoreFixture.draft("Tác vụ \(task)"), newCode: StoreFixture.newCode,
                                                         in: connection)
                    }
                }
            }
            try await group.waitForAll()
        }
        let count = try await database.read { try $0.queryOne("SELECT count(*) AS n FROM grievances")?.int("n") }
        #expect(count == 16)
    }
}

/// Collects errors from many threads.
final class Failures: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var messages: [String] = []

    func record(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
