internal import Dispatch
internal import Foundation
internal import Synchronization
internal import Domain
internal import Storage

/// Runs one batch's transaction at a time on its own thread, so that the next batch can be read
/// and classified meanwhile. `wait()` returns what the last write did, or rethrows its error.
final class BatchWriter: Sendable {
    private let database: Database
    private let actor: String
    private let newCode: @Sendable () -> TrackingCode
    private let queue = DispatchQueue(label: "danvan.import.writer")
    private let group = DispatchGroup()
    private let outcome = Mutex<Result<ImportSummary, any Error>?>(nil)

    init(database: Database, actor: String, newCode: @escaping @Sendable () -> TrackingCode) {
        self.database = database
        self.actor = actor
        self.newCode = newCode
    }

    func start(_ items: [IntakeItem], prepared: [Importer.Prepared], at now: Date) {
        queue.async(group: group) { [self] in
            let result = Result {
                try database.write { connection in
                    try Importer.write(items, prepared: prepared, at: now, actor: actor, newCode: newCode, in: connection)
                }
            }
            outcome.withLock { $0 = result }
        }
    }

    /// The summary of the write under way once it is committed; nil when none was started.
    func wait() throws -> ImportSummary? {
        group.wait()
        guard let result = outcome.withLock({ value -> Result<ImportSummary, any Error>? in
            defer { value = nil }
            return value
        }) else { return nil }
        return try result.get()
    }
}
