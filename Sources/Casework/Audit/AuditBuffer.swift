public import Foundation
public import Storage
internal import Synchronization

/// Audit lines of views, written in batches: a server answering thousands of reads a second
/// cannot give each its own write transaction, and one transaction a tenth of a second holds them
/// all. Changes are never buffered (their audit line goes in with the change). `close()` writes
/// what is pending, so a clean shutdown loses none; lines not yet written when the process is
/// killed are the price of batching (at most `interval` of views).
public final class AuditBuffer: Sendable {
    private let database: Database
    private let interval: Duration
    private let pending = Mutex<[AuditEntry]>([])
    private let wake = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    /// Flushes that failed (the database busy beyond its timeout); their lines stay pending.
    private let failures = Atomic<Int>(0)

    public init(database: Database, interval: Duration = .milliseconds(100)) {
        self.database = database
        self.interval = interval
        let thread = Thread { [self] in run() }
        thread.name = "audit-buffer"
        thread.start()
    }

    public func append(_ entry: AuditEntry) {
        pending.withLock { $0.append(entry) }
    }

    /// Lines waiting to be written.
    public var pendingCount: Int { pending.withLock { $0.count } }

    public var failedFlushes: Int { failures.load(ordering: .relaxed) }

    /// Writes everything pending now, in one transaction.
    public func flush() throws {
        let batch = pending.withLock { entries -> [AuditEntry] in
            defer { entries.removeAll(keepingCapacity: true) }
            return entries
        }
        guard !batch.isEmpty else { return }
        do {
            try database.write { connection in
                for entry in batch { try AccountStore.record(entry, in: connection) }
            }
        } catch {
            // Put back in front, in order: nothing is dropped because the file was busy.
            pending.withLock { $0.insert(contentsOf: batch, at: 0) }
            failures.add(1, ordering: .relaxed)
            throw error
        }
    }

    /// Stops the background writer after writing what is pending. Idempotent.
    public func close() throws {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        finished.wait()
        try flush()
    }

    private func run() {
        let nanoseconds = interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
        while !stopped.load(ordering: .acquiring) {
            _ = wake.wait(timeout: .now() + .nanoseconds(Int(nanoseconds)))
            try? flush()
        }
        finished.signal()
    }
}
