public import Foundation
public import Domain
public import Storage
internal import Secrets

/// Takes records from sources into the database in batches: each batch is located, classified
/// and routed on all cores, then written in one transaction with the keys that make a second
/// import of the same records a no-op. A kill at any moment leaves whole batches only, and the
/// next import skips exactly those.
public final class Importer {
    public let database: Database
    public let routing: GrievanceRouting
    public let batchSize: Int
    public let threads: Int
    /// Recorded on follow-up events.
    public let actor: String
    private let newCode: @Sendable () -> TrackingCode
    private let progress: ((ImportProgress) -> Void)?
    /// Called after each committed batch with the running summary (the crash test reads it).
    private let committed: ((ImportSummary) -> Void)?

    public init(database: Database, routing: GrievanceRouting, batchSize: Int = 1000,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, actor: String = "import",
                newCode: @escaping @Sendable () -> TrackingCode, progress: ((ImportProgress) -> Void)? = nil,
                committed: ((ImportSummary) -> Void)? = nil) {
        self.database = database
        self.routing = routing
        self.batchSize = max(1, batchSize)
        self.threads = max(1, threads)
        self.actor = actor
        self.newCode = newCode
        self.progress = progress
        self.committed = committed
    }

    public func run(_ sources: [any RecordSource]) throws -> ImportSummary {
        var summary = ImportSummary()
        let writer = BackgroundSlot<ImportSummary>(label: "danvan.import.writer")
        let preparer = BackgroundSlot<Batch>(label: "danvan.import.preparer")
        // Whatever happens, no work is left running when this returns or throws.
        defer {
            _ = try? preparer.wait()
            _ = try? writer.wait()
        }
        let start = Date()
        let totalBytes = sources.reduce(0) { $0 + $1.totalBytes }
        var doneBytes = 0
        var batch: [IntakeItem] = []
        var lastReport = Date.distantPast
        var read = 0
        var batchBytes = 0
        for source in sources {
            while let item = try source.next() {
                read += 1
                batch.append(item)
                batchBytes += Importer.size(of: item)
                // A batch ends at `batchSize` records or at `maximumBatchBytes` of content, so that a
                // mailbox of large attachments still imports in bounded memory.
                if batch.count >= batchSize || batchBytes >= Importer.maximumBatchBytes {
                    try store(batch, preparer: preparer, writer: writer, into: &summary)
                    batch.removeAll(keepingCapacity: true)
                    batchBytes = 0
                }
                if let progress, Date().timeIntervalSince(lastReport) > 0.2 {
                    lastReport = Date()
                    progress(ImportProgress(records: read, bytesRead: doneBytes + source.bytesRead,
                                            totalBytes: totalBytes, seconds: lastReport.timeIntervalSince(start)))
                }
            }
            doneBytes += source.bytesRead
        }
        if !batch.isEmpty { try store(batch, preparer: preparer, writer: writer, into: &summary) }
        try handOver(preparer, to: writer, into: &summary)
        try collect(writer, into: &summary)
        progress?(ImportProgress(records: read, bytesRead: doneBytes, totalBytes: totalBytes,
                                 seconds: Date().timeIntervalSince(start)))
        return summary
    }

    /// Content held by one batch at most (two batches are in memory: one written, one prepared).
    static let maximumBatchBytes = 32 << 20

    static func size(of item: IntakeItem) -> Int {
        switch item {
        case let .record(record): record.text.utf8.count + record.attachments.reduce(0) { $0 + $1.size }
        case let .rejected(rejection): rejection.raw.count
        }
    }

    /// A record made ready to store, or the reason it cannot be.
    enum Prepared: Sendable {
        case ready(GrievanceDraft, RoutingAssignment)
        case failed(String)
        case skipped
    }

    /// Three stages run at once: this thread reads batch k+1 while batch k is located, classified
    /// and routed on the worker threads and batch k-1 is written. Here batch k's preparation is
    /// passed to the writer (after batch k-1's write) and batch k+1's begins.
    private func store(_ items: [IntakeItem], preparer: BackgroundSlot<Batch>, writer: BackgroundSlot<ImportSummary>,
                       into summary: inout ImportSummary) throws {
        let ready = try preparer.wait()
        let (database, routing, threads) = (self.database, self.routing, self.threads)
        preparer.start {
            let now = Date()
            return Batch(items: items, prepared: try Importer.prepare(items, database: database, routing: routing,
                                                                       threads: threads, now: now), now: now)
        }
        if let ready { try write(ready, with: writer, into: &summary) }
    }

    /// The batch being prepared, if any, to the writer once it is ready (at the end of the input).
    private func handOver(_ preparer: BackgroundSlot<Batch>, to writer: BackgroundSlot<ImportSummary>,
                          into summary: inout ImportSummary) throws {
        if let ready = try preparer.wait() { try write(ready, with: writer, into: &summary) }
    }

    /// A prepared batch to the writer, once the write before it is committed.
    private func write(_ batch: Batch, with writer: BackgroundSlot<ImportSummary>, into summary: inout ImportSummary) throws {
        try collect(writer, into: &summary)
        let (database, actor, newCode) = (self.database, self.actor, self.newCode)
        writer.start {
            try database.write { connection in
                try Importer.write(batch.items, prepared: batch.prepared, at: batch.now, actor: actor, newCode: newCode,
                                   in: connection)
            }
        }
    }

    /// A batch with its preparation, and the time it was prepared (recorded on its events).
    struct Batch: Sendable {
        var items: [IntakeItem]
        var prepared: [Prepared]
        var now: Date
    }

    /// Records already taken in, and repeats inside the batch, need no classification; the rest are
    /// located, classified and routed on `threads` threads. Runs on the preparer's thread.
    static func prepare(_ items: [IntakeItem], database: Database, routing: GrievanceRouting, threads: Int,
                        now: Date) throws -> [Prepared] {
        let keys = items.compactMap { item -> String? in if case let .record(r) = item { r.key } else { nil } }
        let known: Set<String> = try database.read { connection in
            Set(try keys.filter { try IntakeLedger.grievanceID(forKey: $0, in: connection) != nil })
        }
        var seen = Set<String>()
        let work: [IntakeRecord?] = items.map { item in
            guard case let .record(record) = item, !known.contains(record.key), seen.insert(record.key).inserted else { return nil }
            return record
        }
        return ParallelMap.map(work, threads: threads) { record -> Prepared in
            guard let record else { return .skipped }
            return Importer.prepare(record, routing: routing, now: now)
        }
    }

    /// Waits for the write under way, adds what it did, and reports the commit.
    private func collect(_ writer: BackgroundSlot<ImportSummary>, into summary: inout ImportSummary) throws {
        guard let delta = try writer.wait() else { return }
        summary.imported += delta.imported
        summary.duplicates += delta.duplicates
        summary.followups += delta.followups
        summary.quarantined += delta.quarantined
        committed?(summary)
    }

    /// Writes one batch in one transaction, in order: quarantine, follow-ups, new grievances.
    static func write(_ items: [IntakeItem], prepared: [Prepared], at now: Date, actor: String,
                      newCode: () -> TrackingCode, in connection: Connection) throws -> ImportSummary {
        var delta = ImportSummary()
        for (index, item) in items.enumerated() {
            switch item {
            case let .rejected(rejection):
                try Importer.quarantine(rejection, at: now, in: connection)
                delta.quarantined += 1
            case let .record(record):
                if try IntakeLedger.grievanceID(forKey: record.key, in: connection) != nil {
                    delta.duplicates += 1
                    continue
                }
                if let target = try Importer.followUpTarget(of: record, in: connection) {
                    var details = record.details
                    details["text"] = record.text
                    let sequence = try IntakeLedger.appendFollowUp(grievanceID: target, at: record.receivedAt ?? now,
                                                                   actor: actor, details: details, in: connection)
                    try IntakeLedger.recordKey(record.key, grievanceID: target, source: record.source, at: now, in: connection)
                    try Importer.attach(record.attachments, to: target, event: sequence, in: connection)
                    delta.followups += 1
                    continue
                }
                switch prepared[index] {
                case let .ready(draft, assignment):
                    let (_, id) = try GrievanceStore.insertNew(draft, routing: assignment, receivedDetails: record.details,
                                                               routedAt: now, newCode: newCode, in: connection)
                    try IntakeLedger.recordKey(record.key, grievanceID: id, source: record.source, at: now, in: connection)
                    try Importer.attach(record.attachments, to: id, event: 1, in: connection)
                    delta.imported += 1
                case let .failed(reason):
                    try Importer.quarantine(Rejection(source: record.source, reason: reason, raw: Array(record.text.utf8)),
                                            at: now, in: connection)
                    delta.quarantined += 1
                case .skipped:
                    // The same record earlier in this batch: stored just above, so a duplicate.
                    delta.duplicates += 1
                }
            }
        }
        return delta
    }

    /// The draft, its place, topic, kind and routing; runs on worker threads.
    private static func prepare(_ record: IntakeRecord, routing: GrievanceRouting, now: Date) -> Prepared {
        var draft = GrievanceDraft(kind: record.kind ?? .phanAnh, channel: record.channel, text: record.text,
                                   submitter: record.submitter, receivedAt: record.receivedAt ?? now,
                                   place: Place(residential: record.residential))
        let topic = record.topic.flatMap(routing.topicID)
        do {
            let assignment = try routing.route(&draft, topic: topic, suggestKind: record.kind == nil)
            try draft.validate()
            return .ready(draft, assignment)
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

    private static func quarantine(_ rejection: Rejection, at instant: Date, in connection: Connection) throws {
        var identity = Array(rejection.source.utf8) + [0x1F] + Array(rejection.reason.utf8) + [0x1F]
        identity += rejection.raw
        try IntakeLedger.quarantine(source: rejection.source, reason: rejection.reason, raw: rejection.raw,
                                    key: Digest.sha256Hex(identity), at: instant, in: connection)
    }
}
