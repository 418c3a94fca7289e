internal import Dispatch
internal import Synchronization

/// Runs async work from a connection thread and blocks that thread (ours, never the cooperative
/// pool's) until it finishes. The work itself runs on the server's own threads (`HandlerExecutor`).
enum AsyncBridge {
    private final class Slot<Value: Sendable>: Sendable {
        let value = Mutex<Value?>(nil)
    }

    static func wait<Value: Sendable>(_ operation: @escaping @Sendable () async -> Value) -> Value {
        let slot = Slot<Value>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: HandlerExecutor.shared) {
            let result = await operation()
            slot.value.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return slot.value.withLock { $0! }
    }
}
