internal import Dispatch
internal import Synchronization

/// `map` over indices on Dispatch's worker threads (not Swift's cooperative pool, which must
/// never block), results in input order. Threads take small runs of indices as they free up,
/// so a thread given slow texts does not leave the other idle at the end of a batch.
enum OrderedParallelMap {
    static func map<Output: Sendable>(count: Int, threads: Int, run: Int = 8,
                                      _ transform: @Sendable (Int) -> Output) -> [Output] {
        guard count > 1, threads > 1 else { return (0..<count).map(transform) }
        let slots = Slots<Output>(count: count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(threads, (count + run - 1) / run)) { _ in
            while true {
                let start = next.add(run, ordering: .relaxed).oldValue
                guard start < count else { return }
                for index in start..<min(start + run, count) { slots.set(index, transform(index)) }
            }
        }
        return slots.values()
    }

    /// One slot per index; each is written by exactly one thread, so no two touch the same memory.
    private final class Slots<Value>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<Value?>
        private let count: Int

        init(count: Int) {
            self.count = count
            storage = UnsafeMutablePointer<Value?>.allocate(capacity: count)
            storage.initialize(repeating: nil, count: count)
        }

        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }

        func set(_ index: Int, _ value: Value) { storage[index] = value }

        /// Moves the values out, so that none is copied and released.
        func values() -> [Value] {
            (0..<count).map { index in
                let value = (storage + index).move()
                (storage + index).initialize(to: nil)
                return value!
            }
        }
    }
}
