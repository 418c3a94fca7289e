internal import Dispatch

/// Where the server's handlers run: Dispatch threads of the server's own, not Swift's cooperative
/// pool. The pool is two threads wide here, and anything else in the process that holds them
/// (blocking work someone put there, a long computation) would otherwise stall every answer.
final class HandlerExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "danvan.http.handlers", attributes: .concurrent)

    static let shared = HandlerExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
