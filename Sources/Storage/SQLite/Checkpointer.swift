internal import CSQLite
internal import Foundation

/// Copies the write-ahead log back into the database file on a thread of its own while a long
/// write runs (an import), so that the writer does little of it: its connection has automatic
/// checkpoints turned off meanwhile and copies only what is left when the log is to start over.
/// PASSIVE checkpoints never block the writer or readers; what they cannot copy yet, the next one does.
public final class Checkpointer: @unchecked Sendable {
    // @unchecked: `connection` is used only by the checkpointing thread until `stop()` has seen it
    // finish; `stopping` and `finished` only under `stopped`'s lock.
    private let connection: Connection
    private let interval: Double
    /// Past this size the log is copied back whole and cut to nothing (TRUNCATE), waiting for the
    /// writer between two commits: under steady writes a passive copy never reaches the end, and
    /// the log would only grow. Nil: passive copies only (an import cuts the log back itself).
    private let truncateAbove: Int?
    private let logPath: String
    private let stopped = NSCondition()
    private var stopping = false
    private var finished = false

    /// Opens a connection of its own to `database` and starts checkpointing every `interval` seconds.
    public init(_ database: Database, interval: Double = 0.25, truncateAbove: Int? = nil) throws {
        connection = try Connection(path: database.path)
        // A new connection learns that the file is in WAL mode only when it first reads it; until
        // then a checkpoint on it does nothing.
        try connection.execute(script: "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL")
        self.interval = interval
        self.truncateAbove = truncateAbove
        logPath = database.path + "-wal"
        let thread = Thread { [self] in run() }
        thread.name = "danvan.db.checkpointer"
        thread.start()
    }

    private func run() {
        stopped.lock()
        while !stopping {
            stopped.unlock()
            sqlite3_wal_checkpoint_v2(connection.handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            if let truncateAbove, logBytes > truncateAbove {
                sqlite3_wal_checkpoint_v2(connection.handle, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil)
            }
            stopped.lock()
            if !stopping { _ = stopped.wait(until: Date(timeIntervalSinceNow: interval)) }
        }
        finished = true
        stopped.broadcast()
        stopped.unlock()
    }

    private var logBytes: Int {
        ((try? FileManager.default.attributesOfItem(atPath: logPath))?[.size] as? Int) ?? 0
    }

    /// Stops after the checkpoint under way, if any; returns once the thread is done.
    public func stop() {
        stopped.lock()
        stopping = true
        stopped.broadcast()
        while !finished { stopped.wait() }
        stopped.unlock()
    }
}
