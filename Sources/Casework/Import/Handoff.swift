internal import Foundation
import Intake

/// A bounded queue between two threads: `put` waits while it is full, `take` while it is empty.
/// Either side may `close` it: then `take` drains what is left and returns nil, and `put` returns
/// false, so a writer that failed stops its reader instead of leaving it waiting.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `items` and `closed` are only touched while `condition` is locked.
    private let condition = NSCondition()
    private var items: [Value] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds `value`, waiting for room; false if the queue was closed (the value is dropped).
    func put(_ value: Value) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(value)
        condition.broadcast()
        return true
    }

    /// The oldest value, waiting for one; nil once the queue is closed and empty.
    func take() -> Value? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let value = items.removeFirst()
        condition.broadcast()
        return value
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
