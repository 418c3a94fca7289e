public import Foundation
public import Domain
public import Intake

extension Casework {
    /// Takes sheets and mailboxes in for the desk or an admin: each record located, classified,
    /// routed and stored in batches (`Importer`). A registrar's office registers what they import
    /// unless `routing.office` names another.
    /// - Parameters:
    ///   - batchSize: records per transaction; nil lets batches grow with the database.
    ///   - progress, committed: called on the importing thread as it goes; `timings` once at the end.
    public func importRecords(_ sources: [any RecordSource], routing: GrievanceRouting, batchSize: Int? = nil,
                              threads: Int = ProcessInfo.processInfo.activeProcessorCount, as principal: Principal,
                              progress: ((ImportProgress) -> Void)? = nil,
                              committed: ((ImportSummary) -> Void)? = nil,
                              timings: ((ImportTimings) -> Void)? = nil) throws -> ImportSummary {
        try checkImport(as: principal)
        var routing = routing
        if routing.office == nil, principal.role == .registrar, let unit = principal.unit {
            routing = try GrievanceRouting(book: routing.book, classifier: routing.classifier, office: unit)
        }
        let importer = Importer(database: database, routing: routing, batchSize: batchSize ?? Importer.defaultBatchSize,
                                growsBatches: batchSize == nil, threads: threads, actor: principal.login,
                                newCode: Casework.newTrackingCode, progress: progress, committed: committed)
        let summary = try importer.run(sources)
        timings?(importer.timings)
        return summary
    }
}
