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
                // Written with the columns of version 1 only, as a program of that version would.
                let fresh = StoreFixture.newCode()
                try old.write { connection in
                    try connection.run("""
                        INSERT INTO grievances (tracking_code, kind, channel, status, text, received_at, updated_at)
                        VALUES (?, 'phan-anh', 'form', 'received', ?, '2026-11-23T02:00:00.000Z', '2026-11-23T02:00:00.000Z')
                        """, [.text(fresh.value), .text("Dữ liệu từ phiên bản \(version)")])
                    try connection.run("""
                        INSERT INTO grievance_events (grievance_id, sequence, at, type, to_status)
                        VALUES (last_insert_rowid(), 1, '2026-11-23T02:00:00.000Z', 'received', 'received')
                        """)
                }
                code = fresh
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

    @Test("version 6 keeps the kind check but inserts without a temporary table")
    func kindCheckRewritten() throws {
        let directory = TemporaryDirectory("danvan-migrate")
        let database = try Database(path: directory.path("kinds.sqlite"))
        let plan = try database.read { connection in
            try connection.query("EXPLAIN " + """
                INSERT INTO grievances (tracking_code, kind, channel, status, text, received_at, updated_at)
                VALUES ('A', 'phan-anh', 'form', 'received', 't', 'x', 'x')
                """).compactMap { $0.string("opcode") }
        }
        #expect(plan.contains("Insert") && !plan.contains("OpenEphemeral"))
        let insert = """
            INSERT INTO grievances (tracking_code, kind, channel, status, text, received_at, updated_at)
            VALUES (?, ?, 'form', 'received', 't', '2026-11-23T02:00:00.000Z', '2026-11-23T02:00:00.000Z')
            """
        _ = try database.write { try $0.run(insert, [.text("K7M3Q-9TXR2"), .text("to-cao")]) }
        #expect(throws: SQLiteError.self) {
            try database.write { try $0.run(insert, [.text("K7M3Q-9TXR3"), .text("khieu-to")]) }
        }
    }

    @Test("version 7 hashes the keys of earlier imports, so the same records are still found")
    func intakeKeysCarriedOver() throws {
        let directory = TemporaryDirectory("danvan-migrate")
        let path = directory.path("keys.sqlite")
        do {
            let old = try Database(path: path, migrateTo: 5)
            try old.write { connection in
                try connection.run("""
                    INSERT INTO grievances (tracking_code, kind, channel, status, text, received_at, updated_at)
                    VALUES ('K7M3Q-9TXR2', 'phan-anh', 'csv', 'received', 't', '2026-11-23T02:00:00.000Z', '2026-11-23T02:00:00.000Z')
                    """)
                try connection.run("INSERT INTO intake_keys (key, grievance_id, source, at) VALUES (?, last_insert_rowid(), ?, ?)",
                                   [.text("mid:<abc@example.vn>"), .text("hop-thu.mbox#1"), .text("2026-11-23T02:00:00.000Z")])
            }
        }
        let migrated = try Database(path: path)
        let (found, other, oldTables) = try migrated.read { connection in
            (try IntakeLedger.grievanceID(forKey: "mid:<abc@example.vn>", in: connection),
             try IntakeLedger.grievanceID(forKey: "mid:<other@example.vn>", in: connection),
             try connection.queryOne("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'intake_keys_v5'")?.int("n"))
        }
        #expect(found == 1 && other == nil && oldTables == 0)
    }
}
