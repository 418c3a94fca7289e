internal import Dispatch
internal import Synchronization
import Intake

/// `map` over Dispatch's worker threads (not Swift's cooperative pool, which must never block),
/// in contiguous chunks, results in input order. For the CPU-bound part of an import: finding
/// places, classifying and routing each record.
enum ParallelMap {
    /// `clock` gets the wall and CPU time of every chunk added.
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], threads: Int, clock: inout StageClock,
                                                       _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard inputs.count > 1, threads > 1 else { return clock.measure { inputs.map(transform) } }
        let slots = OrderedSlots<Output>(count: inputs.count)
        let chunks = min(threads * 4, inputs.count)
        let total = Mutex(StageClock())
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = inputs.count * chunk / chunks, end = inputs.count * (chunk + 1) / chunks
            var chunkClock = StageClock()
            chunkClock.measure {
                for index in start..<end { slots.set(index, transform(inputs[index])) }
            }
            total.withLock { $0 += chunkClock }
        }
        clock += total.withLock { $0 }
        return slots.values()
    }
}
