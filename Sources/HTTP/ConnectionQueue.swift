internal import Foundation

/// Accepted connections waiting for a worker thread, bounded: `offer` refuses once every idle
/// worker has one and `capacity` more are waiting, so overload is answered with 503, not queued.
final class ConnectionQueue: @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var waiting: [Socket] = []
    private var idleWorkers = 0
    private var stopped = false
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
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
        idleWorkers += 1
        while waiting.isEmpty && !stopped { condition.wait() }
        idleWorkers -= 1
        return stopped ? nil : waiting.removeFirst()
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
