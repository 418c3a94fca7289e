import Foundation
import Testing
import Storage
import TestSupport

/// Two processes (a server and a cron job, say) opening an old file at once: each migration is
/// applied once, and both come up on the latest schema.
@Suite("Migrations under concurrent opening")
struct MigrationRaceTests {
    @Test("four processes migrating one old file at once all succeed and leave the fresh schema", arguments: [0, 5])
    func race(from version: Int) throws {
        let directory = TemporaryDirectory("danvan-migrate-race")
        let reference = try Database(path: directory.path("reference.sqlite")).schemaDump()
        let path = directory.path("old.sqlite")
        _ = try Database(path: path, migrateTo: version)
        let group = DispatchGroup()
        let results = ResultBox()
        for _ in 0..<4 {
            group.enter()
            DispatchQueue.global().async {
                let result = try? DanvanProcess.run(["db", "migrate", "--db", path])
                results.append(result.map { ($0.status, $0.stderr) } ?? (-1, "did not run"))
                group.leave()
            }
        }
        group.wait()
        #expect(results.all.count == 4)
        for (status, stderr) in results.all { #expect(status == 0, "\(stderr)") }
        #expect(try Database(path: path).schemaDump() == reference)
        #expect(try Database(path: path).schemaVersion() == Migrator.latestVersion)
    }
}

/// Results gathered from several threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(Int32, String)] = []
    func append(_ item: (Int32, String)) { lock.lock(); items.append(item); lock.unlock() }
    var all: [(Int32, String)] { lock.lock(); defer { lock.unlock() }; return items }
}
