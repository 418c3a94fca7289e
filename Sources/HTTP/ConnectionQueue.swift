internal import Foundation

/// Accepted connections waiting for a worker thread, bounded: `offer` refuses once every idle
/// worker has one and `capacity` more are waiting, so overload is answered with 503, not queued.
final class ConnectionQueue: @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var waiting: [Socket] = []
    /// Workers not serving a connection, counted from the start so none is missed while threads spawn.
    private var idleWorkers: Int
    private var stopped = false
    let capacity: Int

    init(capacity: Int, workers: Int) {
        self.capacity = capacity
        self.idleWorkers = workers
    }

    /// False when saturated or stopping: the caller answers 503 and closes.
    func offer(_ socket: Socket) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped, waiting.count < idleWorkers + capacity else { return false }
        waiting.append(socket)
        condition.signal()
        return true
    }

    /// The next connection for a worker; nil once stopped.
    func take() -> Socket? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !stopped { condition.wait() }
        guard !stopped else { return nil }
        idleWorkers -= 1
        return waiting.removeFirst()
    }

    /// A worker is done with its connection and free again.
    func finished() {
        condition.lock()
        idleWorkers += 1
        condition.unlock()
    }

    /// Stops handing out connections and returns those still waiting.
    func stop() -> [Socket] {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        let rest = waiting
        waiting = []
        condition.broadcast()
        return rest
    }
}
