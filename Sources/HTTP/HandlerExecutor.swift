internal import Foundation

/// Where the server's handlers run: a fixed pool of threads of the server's own, not Swift's
/// cooperative pool (two threads wide here) and not Dispatch's default queues, which on Linux
/// add no thread while their threads wait: handlers that wait for the database writer or hash a
/// password would otherwise run one at a time. Jobs run in the order they came.
final class HandlerExecutor: TaskExecutor, @unchecked Sendable {
    /// Enough for handlers waiting on the writer or a password hash while others read.
    static let threadCount = 32

    static let shared = HandlerExecutor(threads: threadCount)

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var idle = 0

    init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.name = "http-handler-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        if idle > 0 { condition.signal() }
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count {
                idle += 1
                condition.wait()
                idle -= 1
            }
            let job = jobs[head]
            head += 1
            // Drop what was run once the queue empties, or when half of it is done.
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
