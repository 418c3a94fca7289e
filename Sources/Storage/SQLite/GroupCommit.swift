import Foundation
import Synchronization

/// Writes from many threads joined into one transaction (group commit). Each write is one
/// savepoint inside it: it succeeds or fails on its own, as if it had its own transaction, and
/// its caller returns only once the shared transaction has committed. What it saves: a commit
/// appends every page it changed to the log, so twenty registrations that share the table's last
/// page and the indexes' upper pages write them once instead of twenty times.
///
/// The first caller to find no batch running leads: it runs every write waiting, in arrival
/// order, commits, and goes on while more arrived meanwhile; the others wait for their result.
final class GroupCommit: Sendable {
    private final class Pending: @unchecked Sendable {
        /// Dropped by the leader as soon as it has run, before the caller is woken: callers pass
        /// closures that must not outlive their call (`withoutActuallyEscaping` checks it).
        var body: ((Connection) throws -> Any)?
        /// Set by the leader before `done` is signalled; read by the waiting caller after.
        var result: Result<Any, any Error> = .failure(CancellationError())
        let done = DispatchSemaphore(value: 0)

        init(_ body: @escaping (Connection) throws -> Any) {
            self.body = body
        }
    }

    /// Writes waiting for a batch, and whether a leader is running one.
    private let state = Mutex<(waiting: [Pending], leading: Bool)>(([], false))
    /// At most this many writes in one transaction, so that none waits behind a very long batch.
    static let maximumBatch = 256

    func write<T>(in database: Database, _ body: @escaping (Connection) throws -> T) throws -> T {
        let mine = Pending { try body($0) }
        let leads = state.withLock { state in
            state.waiting.append(mine)
            if state.leading { return false }
            state.leading = true
            return true
        }
        if leads {
            lead(database)
        } else {
            mine.done.wait()
        }
        return try mine.result.get() as! T
    }

    private func lead(_ database: Database) {
        while true {
            let batch = state.withLock { state -> [Pending] in
                let batch = Array(state.waiting.prefix(GroupCommit.maximumBatch))
                state.waiting.removeFirst(batch.count)
                if batch.isEmpty { state.leading = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                try database.write { connection in
                    for (index, pending) in batch.enumerated() {
                        guard let body = pending.body else { continue }
                        pending.body = nil
                        let name = "w\(index)"
                        try connection.execute(script: "SAVEPOINT \(name)")
                        do {
                            pending.result = .success(try body(connection))
                            try connection.execute(script: "RELEASE \(name)")
                        } catch {
                            pending.result = .failure(error)
                            try connection.execute(script: "ROLLBACK TO \(name); RELEASE \(name)")
                        }
                    }
                }
            } catch {
                // The shared commit failed: no write of the batch happened.
                for pending in batch {
                    pending.body = nil
                    pending.result = .failure(error)
                }
            }
            // The leader's own write is in the first batch; it returns when the loop ends.
            for pending in batch { pending.done.signal() }
        }
    }
}
