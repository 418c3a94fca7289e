internal import Dispatch
internal import Foundation
internal import Synchronization
internal import Storage

/// Prepares one batch at a time (known keys, places, topics, routing) on its own thread, so that
/// reading the next batch and writing the previous one go on meanwhile. `wait()` returns the
/// batch with its preparation, or rethrows what went wrong.
final class BatchPreparer: Sendable {
    typealias Batch = (items: [IntakeItem], prepared: [Importer.Prepared], now: Date)

    private let database: Database
    private let routing: GrievanceRouting
    private let threads: Int
    private let queue = DispatchQueue(label: "danvan.import.preparer")
    private let group = DispatchGroup()
    private let outcome = Mutex<Result<Batch, any Error>?>(nil)

    init(database: Database, routing: GrievanceRouting, threads: Int) {
        self.database = database
        self.routing = routing
        self.threads = threads
    }

    func start(_ items: [IntakeItem]) {
        queue.async(group: group) { [self] in
            let now = Date()
            let result = Result { () throws -> Batch in
                (items, try Importer.prepare(items, database: database, routing: routing, threads: threads, now: now), now)
            }
            outcome.withLock { $0 = result }
        }
    }

    /// The batch prepared last, once ready; nil when none was started.
    func wait() throws -> Batch? {
        group.wait()
        guard let result = outcome.withLock({ value -> Result<Batch, any Error>? in
            defer { value = nil }
            return value
        }) else { return nil }
        return try result.get()
    }
}
