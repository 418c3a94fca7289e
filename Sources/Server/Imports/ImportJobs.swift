public import Foundation
internal import Synchronization

/// The uploads being imported and those finished, in memory: an import's rows are in the database
/// whatever happens to this list; the list only lets the uploader follow it. The oldest finished
/// jobs are forgotten past `limit`.
public final class ImportJobs: Sendable {
    private let jobs = Mutex<[String: ImportJob]>([:])
    private let limit: Int

    public init(limit: Int = 1000) {
        self.limit = limit
    }

    func add(_ job: ImportJob) {
        jobs.withLock { jobs in
            if jobs.count >= limit, let oldest = jobs.values.filter({ $0.status != .running }).min(by: { $0.started < $1.started }) {
                jobs.removeValue(forKey: oldest.id)
            }
            jobs[job.id] = job
        }
    }

    func update(_ id: String, _ change: (inout ImportJob) -> Void) {
        jobs.withLock { jobs in
            guard var job = jobs[id] else { return }
            change(&job)
            jobs[id] = job
        }
    }

    public func job(_ id: String) -> ImportJob? {
        jobs.withLock { $0[id] }
    }
}
