internal import Foundation

/// Threads for work that waits: writing to the database (behind its one writer), hashing a
/// password. Handlers await it instead of blocking their own thread: Dispatch's queues, which run
/// the handlers, add no thread on Linux while theirs wait, so a few waiting writes would hold up
/// every read. A fixed number of threads; work runs in the order it came.
public final class BlockingPool: @unchecked Sendable {
    public static let shared = BlockingPool(threads: 32)

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var work: [() -> Void] = []
    private var head = 0
    private var sleeping = 0

    public init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [self] in loop() }
            thread.name = "blocking-\(index)"
            thread.start()
        }
    }

    /// Runs `body` on one of the pool's threads and returns its result.
    public func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: body()) }
        }
    }

    private func submit(_ item: @escaping () -> Void) {
        condition.lock()
        work.append(item)
        if sleeping > 0 { condition.signal() }
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while head == work.count {
                sleeping += 1
                condition.wait()
                sleeping -= 1
            }
            let item = work[head]
            head += 1
            if head == work.count {
                work.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 1024 && head * 2 > work.count {
                work.removeFirst(head)
                head = 0
            }
            condition.unlock()
            item()
        }
    }
}
