import Foundation
import Testing
import Domain
import Storage
import TestSupport

@Suite("Migrations")
struct MigrationTests {
    @Test("an empty file is brought to the latest version")
    func fromEmpty() throws {
        let directory = TemporaryDirectory("danvan-migrate")
        let database = try Database(path: directory.path("fresh.sqlite"))
        #expect(try database.schemaVersion() == Migrator.latestVersion)
        #expect(try database.schemaDump().contains { $0.hasPrefix("table grievances ") })
        // Opening again applies nothing and changes nothing.
        let before = try database.schemaDump()
        #expect(try Database(path: directory.path("fresh.sqlite")).schemaDump() == before)
    }

    @Test("every earlier version migrates to the same schema as a fresh file, keeping its data",
          arguments: 0..<Migrator.latestVersion)
    func fromEarlierVersion(version: Int) throws {
        let directory = TemporaryDirectory("danvan-migrate")
        let reference = try Database(path: directory.path("reference.sqlite")).schemaDump()
        let path = directory.path("old.sqlite")
        var code: TrackingCode?
        do {
            let old = try Database(path: path, migrateTo: version)
            #expect(try old.schemaVersion() == version)
            if version >= 1 {
                let draft = StoreFixture.draft("Dữ liệu từ phiên bản \(version)")
                code = try GrievanceStore(database: old).add(draft, newCode: StoreFixture.newCode).trackingCode
            }
        }
        let migrated = try Database(path: path)
        #expect(try migrated.schemaVersion() == Migrator.latestVersion)
        #expect(try migrated.schemaDump() == reference)
        if let code {
            #expect(try GrievanceStore(database: migrated).find(code)?.grievance.text == "Dữ liệu từ phiên bản \(version)")
        }
    }

    @Test("a file from a newer program is refused, not damaged")
    func newerFileRefused() throws {
        let directory = TemporaryDirectory("danvan-migrate")
        let path = directory.path("future.sqlite")
        _ = try Database(path: path)
        let bumped = try Database(path: path)
        try bumped.write { try $0.execute(script: "PRAGMA user_version = 999") }
        #expect(throws: SQLiteError.self) { try Database(path: path) }
    }
}
