import Dispatch

/// A connection together with the one serial queue allowed to touch it.
///
/// `@unchecked Sendable` is sound because the connection is reached only inside `queue.sync` /
/// `queue.async`, never directly. Calls from Swift concurrency go through the async entry
/// points, which hop to the queue, so SQLite never blocks a cooperative-pool thread.
final class SerialConnection: @unchecked Sendable {
    private let connection: Connection
    private let queue: DispatchQueue
    private let key = DispatchSpecificKey<ObjectIdentifier>()

    init(_ connection: Connection, label: String) {
        self.connection = connection
        queue = DispatchQueue(label: label)
        queue.setSpecific(key: key, value: ObjectIdentifier(self))
    }

    func sync<T>(_ body: (Connection) throws -> T) rethrows -> T {
        // Re-entering from inside the queue would deadlock; fail loudly with the reason instead.
        precondition(DispatchQueue.getSpecific(key: key) != ObjectIdentifier(self),
                     "database access nested inside another access on the same connection")
        return try queue.sync { try body(connection) }
    }

    /// The connection outside its queue, for a caller that holds the lock every other user of
    /// this connection takes first (`Database`'s write lock): a long import writes on its own
    /// thread and lets others in between its steps.
    func whileLocked<T>(_ body: (Connection) throws -> T) rethrows -> T {
        try body(connection)
    }

    func async<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self.connection) })
            }
        }
    }
}
