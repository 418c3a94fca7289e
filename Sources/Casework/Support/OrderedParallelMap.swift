internal import Dispatch
internal import Synchronization

/// `map` over indices on Dispatch's worker threads (not Swift's cooperative pool, which must
/// never block), results in input order. Threads take small runs of indices as they free up,
/// so a thread given slow texts does not leave the other idle at the end of a batch.
public enum OrderedParallelMap {
    public static func map<Output: Sendable>(count: Int, threads: Int, run: Int = 8,
                                      _ transform: @Sendable (Int) -> Output) -> [Output] {
        guard count > 1, threads > 1 else { return (0..<count).map(transform) }
        let slots = OrderedSlots<Output>(count: count)
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
}
