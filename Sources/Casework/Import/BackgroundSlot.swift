internal import Dispatch
internal import Synchronization
import Intake

/// One piece of work at a time on its own thread, its result collected later: the importer's
/// preparing and writing stages run this way while the calling thread reads the next batch.
/// `wait()` returns the result of the work started last (nil when none was), or rethrows its error.
final class BackgroundSlot<Value: Sendable>: Sendable {
    private let queue: DispatchQueue
    private let group = DispatchGroup()
    private let outcome = Mutex<Result<Value, any Error>?>(nil)

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Starts `work`; call `wait()` first if earlier work's result is still wanted.
    func start(_ work: @escaping @Sendable () throws -> Value) {
        queue.async(group: group) { [self] in
            let result = Result(catching: work)
            outcome.withLock { $0 = result }
        }
    }

    func wait() throws -> Value? {
        group.wait()
        guard let result = outcome.withLock({ value -> Result<Value, any Error>? in
            defer { value = nil }
            return value
        }) else { return nil }
        return try result.get()
    }
}
