import Foundation
import Synchronization

/// The application's SQLite database: one writer connection (writes are serialised) and a few
/// reader connections (WAL lets reads proceed while a write is in progress, and one another).
/// Each `read` sees one snapshot: a page never shows a status without the event that set it.
///
/// Reach the connection only through `read` / `write` closures; `write` wraps the closure in a
/// transaction, so a state change and its event commit together or not at all.
public final class Database: Sendable {
    public let path: String
    private let writer: SerialConnection
    /// Held by whoever writes: a `write` (on the writer's queue) or a step of `writeInSteps` (on
    /// the importer's thread), so that a long import lets other writers in between its steps.
    private let writerLock = DispatchSemaphore(value: 1)
    /// How long a step of `writeInSteps` leaves the write lock free after its commit: enough for a
    /// writer of this process (waiting on `writerLock`) or of another (polling every 2 ms, see
    /// `Connection.pollWhenBusy`) to take it.
    static let stepPause: useconds_t = 10_000
    private let readers: [SerialConnection]
    /// The reader the next `read` takes, round robin.
    private let nextReader = Mutex(0)
    /// Reader connections: requests of a server read side by side, not in one queue.
    public static let readerCount = 4

    /// Whether this open made a new, empty database file.
    public let wasCreated: Bool
    private let groupCommit = GroupCommit()

    /// Opens the database at `path` and brings its schema up to date.
    /// - Parameters:
    ///   - creating: make the file (and its folder) when there is none. Commands that only read or
    ///     change what is stored pass false, so that a mistyped path is an error, not a new empty
    ///     database that answers "no such grievance".
    ///   - migrateTo: stop at this schema version (tests of old versions); nil means the latest.
    /// - Throws: `DatabaseOpenError` when the path holds no database or cannot be opened;
    ///   `SQLiteError` for anything SQLite reports after that.
    public init(path: String, creating: Bool = true, migrateTo: Int? = nil) throws {
        self.path = path
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if isFolder.boolValue { throw DatabaseOpenError.cannotOpen(path: path, reason: "đây là một thư mục, không phải tệp") }
        if !exists {
            guard creating else { throw DatabaseOpenError.missing(path: path) }
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw DatabaseOpenError.cannotOpen(path: path, reason: "không tạo được thư mục '\(directory)'")
                }
            }
        }
        wasCreated = !exists
        let writeConnection: Connection
        do {
            writeConnection = try Connection(path: path)
            try Database.configure(writeConnection)
        } catch {
            // SQLITE_NOTADB: some other file; CANTOPEN and PERM: the path itself.
            if error.code == 26 { throw DatabaseOpenError.notADatabase(path: path) }
            throw DatabaseOpenError.cannotOpen(path: path, reason: error.message)
        }
        try Migrator.migrate(writeConnection, upTo: migrateTo)
        var readers: [SerialConnection] = []
        for index in 0..<Database.readerCount {
            let readConnection = try Connection(path: path)
            try Database.configure(readConnection)
            try readConnection.execute(script: "PRAGMA query_only = ON")
            readers.append(SerialConnection(readConnection, label: "danvan.db.reader\(index)"))
        }
        writer = SerialConnection(writeConnection, label: "danvan.db.writer")
        self.readers = readers
    }

    /// SQLite's page cache per connection, in KiB.
    public static let cacheKiB = 32768
    /// The page size of a new database file, in bytes.
    public static let pageSize = 16384
    /// The log's size after which a commit copies it back into the file.
    static let autocheckpointBytes = 80 << 20

    /// `autocheckpointBytes` in pages of the connection's file (older files have 4 KiB pages).
    public static func autocheckpointPages(_ connection: Connection) throws(SQLiteError) -> Int {
        let pageBytes = try connection.queryOne("PRAGMA page_size")?.int("page_size") ?? 4096
        return autocheckpointBytes / max(512, pageBytes)
    }

    private static func configure(_ connection: Connection) throws(SQLiteError) {
        // WAL: readers never block the writer. synchronous=NORMAL in WAL keeps every committed
        // transaction across a process crash; only a power cut may lose the last ones.
        // cache_size -32768: 32 MiB of pages, so the tracking-code index of a million rows stays in memory.
        // wal_autocheckpoint: copy the WAL back every 80 MB instead of every 1,000 pages, so that a
        // page changed by many transactions (an index page during an import) is written back once.
        // page_size 16384 (a new file only; a file that has tables keeps its size): an import's
        // pages are written twice (log, then file), and a quarter as many pages means a quarter as
        // many writes and page look-ups; measured on 300,000 rows, the writer used 7% less CPU.
        try connection.execute(script: """
            PRAGMA page_size = \(pageSize);
            PRAGMA cache_size = -\(cacheKiB);
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            """)
        try connection.execute(script: "PRAGMA wal_autocheckpoint = \(try autocheckpointPages(connection))")
        connection.pollWhenBusy(timeoutMilliseconds: 10_000)
    }

    /// Runs `body` in one write transaction, on the writer's queue. Blocks the calling thread:
    /// use from threads you own (the CLI, the server's handler threads), not from async code.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try writer.sync { connection in
            writerLock.wait()
            defer { writerLock.signal() }
            return try connection.transaction(body)
        }
    }

    /// `write` for short writes that many threads make at once (registrations through the API):
    /// joined with the others waiting into one transaction, each in its own savepoint, so each
    /// succeeds or fails alone; returns once committed (see `GroupCommit`).
    public func writeGrouped<T>(_ body: @escaping (Connection) throws -> T) throws -> T {
        try groupCommit.write(in: self, body)
    }

    /// For a server: the log is copied back into the file by a thread of its own (`Checkpointer`)
    /// instead of by whichever write crosses the threshold, which made every request waiting behind
    /// it wait for the copy and its sync. Past `truncateAbove` bytes the log is cut back, which holds
    /// writes for one copy and sync. Stop the returned checkpointer at shutdown.
    public func checkpointInBackground(interval: Double = 0.25, truncateAbove: Int = 256 << 20) throws -> Checkpointer {
        try writer.sync { connection in try connection.execute(script: "PRAGMA wal_autocheckpoint = 0") }
        return try Checkpointer(self, interval: interval, truncateAbove: truncateAbove)
    }

    /// One long write committed in steps (imports): `body` gets the connection and a `commit`
    /// that makes everything written so far durable and begins the next transaction. When
    /// `checkpoint`, asked after the commit (so that it sees the log as the commit left it), says
    /// so, the log is copied back into the file in between, so that the next transaction starts it
    /// over instead of making it longer. If `body` throws, what was written since the last `commit`
    /// is rolled back. Between steps the write lock is let go for a moment, so another writer, of
    /// this process or another, waits at most one step: keep steps to a second or two.
    /// `body` runs on the calling thread and must touch the connection only while it runs (it
    /// holds the write lock then, not the writer's queue).
    public func writeInSteps<T>(_ body: (Connection, _ commit: (_ checkpoint: () -> Bool) throws -> Void) throws -> T) throws -> T {
        writerLock.wait()
        var held = true
        defer { if held { writerLock.signal() } }
        return try writer.whileLocked { connection in
            try connection.transaction { connection in
                try body(connection) { checkpoint in
                    try connection.execute(script: "COMMIT")
                    if checkpoint() { try connection.execute(script: "PRAGMA wal_checkpoint(PASSIVE)") }
                    writerLock.signal()
                    held = false
                    usleep(Database.stepPause)
                    writerLock.wait()
                    held = true
                    try connection.execute(script: "BEGIN IMMEDIATE")
                }
            }
        }
    }

    /// `writeInSteps` for a bulk load (an import): the log is copied back into the file by a
    /// thread of its own (`Checkpointer`), not by the writer at its commits; pages of a step stay in
    /// a `cacheKiB` cache until its commit instead of spilling to the log early; and a log that
    /// starts over is cut back (to a quarter of `maximumLogBytes`, or to the end of the first
    /// transaction after the restart if that is longer) when that transaction commits: its file
    /// never shrinks otherwise, and once past `maximumLogBytes` every commit would copy it back
    /// itself. The connection's usual settings come back at the end.
    public func writeInBulk<T>(cacheKiB: Int, maximumLogBytes: Int,
                               _ body: (Connection, _ commit: (_ checkpoint: () -> Bool) throws -> Void) throws -> T) throws -> T {
        let checkpointer = try Checkpointer(self)
        defer { checkpointer.stop() }
        return try writeInSteps { connection, commit in
            try connection.execute(script: "PRAGMA cache_size = -\(cacheKiB); PRAGMA wal_autocheckpoint = 0; "
                                   + "PRAGMA journal_size_limit = \(maximumLogBytes / 4)")
            defer {
                try? connection.execute(script: "PRAGMA cache_size = -\(Database.cacheKiB); "
                                        + "PRAGMA wal_autocheckpoint = \(Database.autocheckpointPages(connection)); "
                                        + "PRAGMA journal_size_limit = -1")
            }
            return try withoutActuallyEscaping(commit) { commit in try body(connection, commit) }
        }
    }

    /// The size of the write-ahead log in bytes (0 when there is none).
    public var logBytes: Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
    }

    /// Runs `body` on a reader connection, on its queue, inside one read transaction: every
    /// statement of `body` sees the same snapshot.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try takeReader().sync { connection in try connection.snapshot(body) }
    }

    private func takeReader() -> SerialConnection {
        let index = nextReader.withLock { next in
            defer { next = (next + 1) % readers.count }
            return next
        }
        return readers[index]
    }

    /// The same as `write`, for async callers: hops to the writer's queue and suspends meanwhile.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await writer.async { connection in try connection.transaction(body) }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await takeReader().async { connection in try connection.snapshot(body) }
    }

    /// The schema version the file is at.
    public func schemaVersion() throws -> Int {
        try read { try Migrator.currentVersion($0) }
    }
}
