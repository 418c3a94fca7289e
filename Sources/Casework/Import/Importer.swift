public import Foundation
public import Domain
public import Storage
internal import Secrets
internal import Synchronization
public import Intake

/// Takes records from sources into the database. Three stages run at once: the calling thread
/// reads chunk k+1 while chunk k is located, classified and routed on all cores and chunk k-1 is
/// written. The writer keeps one transaction open and commits it every `batchSize` records, so a
/// kill at any moment leaves whole batches only, and the next import skips exactly those.
public final class Importer {
    public let database: Database
    public let routing: GrievanceRouting
    /// Records per transaction (the last one holds what is left, and any one ends early at
    /// `maximumTransactionBytes` of content).
    public let batchSize: Int
    /// Whether transactions grow with the database, to a tenth of the grievances it holds after
    /// the last commit (up to `maximumBatchSize`): see `batchLimit`.
    public let growsBatches: Bool
    public let threads: Int
    /// Recorded on follow-up events.
    public let actor: String
    /// Records read again from the quarantine (`quarantine retry`): one taken in leaves it, one
    /// refused again keeps its place with the new reason and counts as quarantined.
    public let retrying: Bool
    private let newCode: @Sendable () -> TrackingCode
    private let progress: ((ImportProgress) -> Void)?
    /// Called after each commit with the running summary (the crash test waits for it).
    private let committed: ((ImportSummary) -> Void)?
    /// Where the last `run`'s time went.
    public private(set) var timings = ImportTimings()

    /// - Parameter batchSize: records per transaction. Large transactions write each changed page
    ///   of the random-order indexes (tracking codes, intake keys) once for many rows instead of
    ///   once for every few rows.
    /// - Parameter growsBatches: let transactions grow past `batchSize` as the database grows.
    public init(database: Database, routing: GrievanceRouting, batchSize: Int = Importer.defaultBatchSize,
                growsBatches: Bool = false,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, actor: String = "import",
                retrying: Bool = false,
                newCode: @escaping @Sendable () -> TrackingCode, progress: ((ImportProgress) -> Void)? = nil,
                committed: ((ImportSummary) -> Void)? = nil) {
        self.retrying = retrying
        self.database = database
        self.routing = routing
        self.batchSize = max(1, batchSize)
        self.growsBatches = growsBatches
        self.threads = max(1, threads)
        self.actor = actor
        self.newCode = newCode
        self.progress = progress
        self.committed = committed
    }

    public static let defaultBatchSize = 20_000

    /// The most records a transaction grows to (`growsBatches`). A kill costs at most this much
    /// work, which the next import redoes.
    public static let maximumBatchSize = 100_000

    /// Records per transaction for a database holding `stored` grievances. The tracking-code,
    /// intake-key and date-received indexes are written in random order, so once they outgrow a
    /// batch every commit rewrites nearly all their pages: the cost of a commit grows with the
    /// database, and a batch of a tenth of it keeps that cost per record bounded. Measured on
    /// 1,000,000 rows: 20,000-record batches wrote 7.1 GB for a 1.46 GB file; 100,000, 3.4 GB.
    static func batchLimit(minimum: Int, grows: Bool, stored: Int) -> Int {
        guard grows else { return minimum }
        return max(minimum, min(stored / 10, maximumBatchSize))
    }

    /// Records handed from stage to stage at a time (at most a batch).
    static let chunkSize = 1000

    /// Content one chunk holds at most, so that a mailbox of large attachments still imports in
    /// bounded memory (a few chunks are in flight at once).
    static let maximumChunkBytes = 32 << 20

    /// Content one transaction holds at most, whatever `batchSize` says.
    static let maximumTransactionBytes = 128 << 20

    /// The write-ahead log's size past which a commit waits for it to be copied back and restarted.
    static let maximumLogBytes = 256 << 20

    public func run(_ sources: [any RecordSource]) throws -> ImportSummary {
        timings = ImportTimings()
        let start = Date()
        let toWrite = Handoff<Chunk>(capacity: 2)
        let commits = Mutex<[ImportSummary]>([])
        let writer = BackgroundSlot<Written>(label: "danvan.import.writer")
        let preparer = BackgroundSlot<Chunk>(label: "danvan.import.preparer")
        let (database, batchSize, growsBatches, actor, newCode, retrying) = (self.database, self.batchSize, self.growsBatches,
                                                                             self.actor, self.newCode, self.retrying)
        writer.start {
            do {
                return try Importer.writeAll(from: toWrite, into: database, batchSize: batchSize, growsBatches: growsBatches,
                                             actor: actor, retrying: retrying, newCode: newCode) { summary in
                    commits.withLock { $0.append(summary) }
                }
            } catch {
                // The reading thread finds the queue closed and asks for this error.
                toWrite.close()
                throw error
            }
        }
        // Whatever happens, no work is left running when this returns or throws.
        defer {
            _ = try? preparer.wait()
            toWrite.close()
            _ = try? writer.wait()
        }
        let totalBytes = sources.reduce(0) { $0 + $1.totalBytes }
        var doneBytes = 0
        var chunk: [IntakeItem] = []
        var chunkBytes = 0
        var lastReport = Date.distantPast
        var read = 0
        let chunkSize = min(Importer.chunkSize, batchSize)
        // Reading is timed per chunk, not per record: the clocks would cost more than some rows.
        var lap = StageClock.Lap.start()
        for source in sources {
            while let item = try source.next() {
                read += 1
                chunk.append(item)
                chunkBytes += Importer.size(of: item)
                if chunk.count >= chunkSize || chunkBytes >= Importer.maximumChunkBytes {
                    timings.read.add(since: lap)
                    try pass(chunk, through: preparer, to: toWrite, writer: writer)
                    chunk.removeAll(keepingCapacity: true)
                    chunkBytes = 0
                    reportCommits(commits)
                    lap = .start()
                }
                if let progress, Date().timeIntervalSince(lastReport) > 0.2 {
                    lastReport = Date()
                    progress(ImportProgress(records: read, bytesRead: doneBytes + source.bytesRead,
                                            totalBytes: totalBytes, seconds: lastReport.timeIntervalSince(start)))
                }
            }
            doneBytes += source.bytesRead
        }
        timings.read.add(since: lap)
        if !chunk.isEmpty { try pass(chunk, through: preparer, to: toWrite, writer: writer) }
        if let last = try timings.waiting.measure({ try preparer.wait() }) {
            try handOver(last, to: toWrite, writer: writer)
        }
        toWrite.close()
        let written = try timings.waiting.measure { try writer.wait() }
        reportCommits(commits)
        timings.write = written?.clock ?? StageClock()
        progress?(ImportProgress(records: read, bytesRead: doneBytes, totalBytes: totalBytes,
                                 seconds: Date().timeIntervalSince(start)))
        return written?.summary ?? ImportSummary()
    }

    static func size(of item: IntakeItem) -> Int {
        switch item {
        // A mail's bytes as received are kept beside its decoded content (for the quarantine), and
        // count, so that a chunk of large messages stays bounded.
        case let .record(record): record.text.utf8.count + record.attachments.reduce(0) { $0 + $1.size }
            + (record.attachments.isEmpty ? 0 : record.raw.count)
        case let .rejected(rejection): rejection.raw.count
        }
    }

    /// A record made ready to store, or the reason it cannot be.
    enum Prepared: Sendable {
        case ready(NewGrievanceRows)
        case failed(String)
        /// Taken in before, or earlier in the same chunk.
        case skipped
    }

    /// Records with their preparation, the key each is stored under, and the preparation's time.
    struct Chunk: Sendable {
        var items: [IntakeItem]
        /// Their content's size (text and attachments).
        var bytes: Int
        var keys: [IntakeKey?]
        var prepared: [Prepared]
        var now: Date
        var clock: StageClock
    }

    /// What the writer did in all, and its time.
    struct Written: Sendable {
        var summary: ImportSummary
        var clock: StageClock
    }

    /// Starts preparing `items` and hands the chunk prepared before them to the writer.
    private func pass(_ items: [IntakeItem], through preparer: BackgroundSlot<Chunk>, to toWrite: Handoff<Chunk>,
                      writer: BackgroundSlot<Written>) throws {
        let ready = try timings.waiting.measure { try preparer.wait() }
        let (database, routing, threads, newCode) = (self.database, self.routing, self.threads, self.newCode)
        preparer.start {
            try Importer.prepare(items, database: database, routing: routing, threads: threads, newCode: newCode)
        }
        if let ready { try handOver(ready, to: toWrite, writer: writer) }
    }

    private func handOver(_ chunk: Chunk, to toWrite: Handoff<Chunk>, writer: BackgroundSlot<Written>) throws {
        timings.prepare += chunk.clock
        guard timings.waiting.measure({ toWrite.put(chunk) }) else {
            // Only a failed writer closes the queue early: its error is the one to report.
            _ = try writer.wait()
            throw CancellationError()
        }
    }

    private func reportCommits(_ commits: borrowing Mutex<[ImportSummary]>) {
        let done = commits.withLock { list -> [ImportSummary] in
            defer { list.removeAll() }
            return list
        }
        if let committed { done.forEach(committed) }
    }

    /// Keys are hashed on all cores; those `knownKeys` finds taken in before (and repeats inside
    /// the chunk) are skipped; the rest are located, classified and routed on all cores. Runs on
    /// the preparer's thread.
    static func prepare(_ items: [IntakeItem], database: Database, routing: GrievanceRouting, threads: Int,
                        newCode: @escaping @Sendable () -> TrackingCode) throws -> Chunk {
        let now = Date()
        var clock = StageClock()
        let keys = ParallelMap.map(items, threads: threads, clock: &clock) { item -> IntakeKey? in
            if case let .record(record) = item { IntakeKey(record.key) } else { nil }
        }
        let known: Set<IntakeKey> = try clock.measure {
            // One read, one snapshot (`Database.read`).
            try database.read { connection in try Importer.knownKeys(keys.compactMap { $0 }, in: connection) }
        }
        var seen = Set<IntakeKey>()
        let work: [IntakeRecord?] = zip(items, keys).map { item, key in
            guard case let .record(record) = item, let key, !known.contains(key), seen.insert(key).inserted else { return nil }
            return record
        }
        let prepared = ParallelMap.map(work, threads: threads, clock: &clock) { record -> Prepared in
            guard let record else { return .skipped }
            return Importer.prepare(record, routing: routing, now: now, newCode: newCode)
        }
        return Chunk(items: items, bytes: items.reduce(0) { $0 + size(of: $1) }, keys: keys, prepared: prepared, now: now,
                     clock: clock)
    }

    /// Keys looked up first, spread evenly over a chunk.
    static let keySample = 16

    /// The keys among `keys` taken in before, so their records need not be prepared. A chunk of
    /// new records (the usual case) shows itself in a sample of its keys and costs a few look-ups
    /// instead of one per record. The writer looks every key up again before it inserts, so a
    /// taken-in key the sample misses is still counted as a duplicate: it was only prepared in vain.
    static func knownKeys(_ keys: [IntakeKey], in connection: Connection) throws -> Set<IntakeKey> {
        let sample = stride(from: 0, to: keys.count, by: max(1, keys.count / keySample))
        guard try sample.contains(where: { try IntakeLedger.grievanceID(for: keys[$0], in: connection) != nil }) else {
            return []
        }
        return Set(try keys.filter { try IntakeLedger.grievanceID(for: $0, in: connection) != nil })
    }

    /// The writing stage: chunks from `toWrite` into one transaction committed every `batchLimit`
    /// records (and at the end); `committed` gets the running summary after each commit.
    static func writeAll(from toWrite: Handoff<Chunk>, into database: Database, batchSize: Int, growsBatches: Bool,
                         actor: String, retrying: Bool = false, newCode: @escaping @Sendable () -> TrackingCode,
                         committed: (ImportSummary) -> Void) throws -> Written {
        var clock = StageClock()
        var summary = ImportSummary()
        // What the last commit reported: the final commit reports only if something came after it.
        var reported = ImportSummary()
        // Pages of a batch stay in memory until its commit; the log is copied back by a thread of
        // its own and cut back when it starts over (`Database.writeInBulk`).
        try database.writeInBulk(cacheKiB: Importer.writerCacheKiB, maximumLogBytes: Importer.maximumLogBytes) { connection, commit in
            let writer = try IntakeBatchWriter(connection)
            var pending = 0, pendingBytes = 0
            var limit = Importer.batchLimit(minimum: batchSize, grows: growsBatches,
                                            stored: growsBatches ? try writer.storedGrievances() : 0)
            while let chunk = toWrite.take() {
                try clock.measure {
                    let delta = try Importer.write(chunk, actor: actor, retrying: retrying, newCode: newCode, with: writer,
                                                   in: connection)
                    summary.add(delta)
                    pending += chunk.items.count
                    pendingBytes += chunk.bytes
                    // A mailbox of attachments commits by size too, so its log stays small.
                    if pending >= limit || pendingBytes >= Importer.maximumTransactionBytes {
                        // The checkpointer has copied most of the log by now; the rest is copied
                        // here so that the log starts over, instead of growing with the import.
                        // Its size read after the commit, which is when a restarted log is cut back.
                        try commit { database.logBytes >= Importer.maximumLogBytes }
                        (pending, pendingBytes) = (0, 0)
                        committed(summary)
                        reported = summary
                        if growsBatches {
                            limit = Importer.batchLimit(minimum: batchSize, grows: true, stored: try writer.storedGrievances())
                        }
                    }
                }
            }
        }
        if summary != reported { committed(summary) }
        return Written(summary: summary, clock: clock)
    }

    /// SQLite's page cache for the import's writer, in KiB: a batch of 20,000 rows changes about
    /// 60 MiB of pages in a small database; in a large one the random-order indexes add theirs.
    static let writerCacheKiB = 131_072

    /// Writes one chunk inside the open transaction, in order: quarantine, follow-ups, new grievances.
    static func write(_ chunk: Chunk, actor: String, retrying: Bool = false, newCode: () -> TrackingCode,
                      with writer: IntakeBatchWriter, in connection: Connection) throws -> ImportSummary {
        var delta = ImportSummary()
        for (index, item) in chunk.items.enumerated() {
            // A retried record taken in (or found taken in already) leaves the quarantine.
            if retrying, case let .record(record) = item, !record.raw.isEmpty {
                if case .failed = chunk.prepared[index] {} else {
                    try IntakeLedger.removeQuarantined(key: record.quarantineKey, in: connection)
                }
            }
            switch item {
            case let .rejected(rejection):
                // A bad record met again (the same file imported twice) is a duplicate: nothing is added.
                if try Importer.quarantine(rejection, at: chunk.now, replacing: retrying, in: connection) {
                    delta.quarantined += 1
                } else {
                    delta.duplicates += 1
                }
            case let .record(record):
                guard let key = chunk.keys[index] else { continue }
                if case .skipped = chunk.prepared[index] {
                    // Taken in before this chunk was prepared, or earlier in the chunk.
                    delta.duplicates += 1
                    continue
                }
                if try writer.grievanceID(for: key) != nil {
                    // Not found by the preparer: taken in after its look-up (by an earlier chunk of
                    // this import not yet committed then, or by another import running at the same
                    // time), or before it but between the keys `knownKeys` sampled.
                    delta.duplicates += 1
                    continue
                }
                if let target = try Importer.followUpTarget(of: record, in: connection) {
                    var details = record.details
                    details["text"] = record.text
                    let sequence = try IntakeLedger.appendFollowUp(grievanceID: target, at: record.receivedAt ?? chunk.now,
                                                                   actor: actor, details: details, in: connection)
                    try writer.recordKey(key, grievanceID: target)
                    try Importer.attach(record.attachments, to: target, event: sequence, in: connection)
                    delta.followups += 1
                    continue
                }
                switch chunk.prepared[index] {
                case let .ready(rows):
                    let (id, _) = try writer.insert(rows, newCode: newCode)
                    try writer.recordKey(key, grievanceID: id)
                    try Importer.attach(record.attachments, to: id, event: 1, in: connection)
                    delta.imported += 1
                case let .failed(reason):
                    // Kept as it came (the row or the message), so that it can be retried.
                    let raw = record.raw.isEmpty ? Array(record.text.utf8) : record.raw
                    if try Importer.quarantine(Rejection(source: record.source, reason: reason, raw: raw,
                                                         origin: record.raw.isEmpty ? nil : record.quarantineOrigin),
                                               at: chunk.now, replacing: retrying, in: connection) {
                        delta.quarantined += 1
                    } else {
                        delta.duplicates += 1
                    }
                case .skipped:
                    delta.duplicates += 1
                }
            }
        }
        return delta
    }

    /// The draft, its place, topic, kind and routing, as the rows to insert; runs on worker threads.
    private static func prepare(_ record: IntakeRecord, routing: GrievanceRouting, now: Date,
                                newCode: () -> TrackingCode) -> Prepared {
        var draft = GrievanceDraft(kind: record.kind ?? .phanAnh, channel: record.channel, text: record.text,
                                   submitter: record.submitter, receivedAt: record.receivedAt ?? now,
                                   place: Place(residential: record.residential))
        draft.office = routing.office
        let topic = record.topic.flatMap(routing.topicID)
        var details = record.details
        // The same cleaning as `grievance add`: control characters go, and the event says so.
        let removed = draft.removeControlCharacters()
        if let note = GrievanceDraft.controlCharactersNote(removed) { details[GrievanceDraft.controlCharactersDetail] = note }
        // A topic cell naming no topic of the rule book is kept as written; the classifier decides.
        if let written = record.topic, topic == nil { details["topic as written"] = written }
        do {
            // Refused before the costly part: limits, an empty text, a date ahead of `now`.
            try draft.validate(now: now)
            let assignment = try routing.route(&draft, topic: topic, suggestKind: record.kind == nil)
            return .ready(try NewGrievanceRows(draft, code: newCode(), routing: assignment, receivedDetails: details,
                                               routedAt: now))
        } catch {
            return .failed("\(error)")
        }
    }

    /// The grievance a reply is about: the tracking code in its subject, else a message it answers.
    private static func followUpTarget(of record: IntakeRecord, in connection: Connection) throws -> Int64? {
        if let code = record.trackingCode, let id = try IntakeLedger.grievanceID(for: code, in: connection) { return id }
        for messageID in record.repliesTo {
            if let id = try IntakeLedger.grievanceID(forKey: "mid:" + messageID, in: connection) { return id }
        }
        return nil
    }

    private static func attach(_ attachments: [Attachment], to grievance: Int64, event: Int, in connection: Connection) throws {
        for attachment in attachments {
            try IntakeLedger.addAttachment(grievanceID: grievance, eventSequence: event, name: attachment.name,
                                           type: attachment.type, content: attachment.content, sha256: attachment.sha256,
                                           in: connection)
        }
    }

    private static func quarantine(_ rejection: Rejection, at instant: Date, replacing: Bool = false,
                                   in connection: Connection) throws -> Bool {
        var format: String?, header: [UInt8]?, delimiter: UInt8?, dateOrder: String?
        switch rejection.origin {
        case let .sheet(sheetHeader, sheetDelimiter, order):
            (format, header, delimiter, dateOrder) = ("csv", sheetHeader, sheetDelimiter, order.rawValue)
        case .mail:
            format = "mail"
        case nil:
            break
        }
        return try IntakeLedger.quarantine(source: rejection.source, reason: rejection.reason, raw: rejection.raw,
                                           key: rejection.quarantineKey, at: instant, format: format, header: header,
                                           delimiter: delimiter, dateOrder: dateOrder, replacing: replacing, in: connection)
    }
}
