import Foundation
import Testing
import TestSupport
import Storage

@Suite("danvan import", .serialized)
struct ImportCommandTests {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IntakeTests/Fixtures")
    }

    func summary(_ result: DanvanProcess.Result) throws -> [String: Int] {
        let line = try #require(result.stdout.split(separator: "\n").last.map(String.init), "no summary: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Int])
    }

    func count(_ sql: String, _ db: String) throws -> Int {
        try Database(path: db).read { try $0.queryOne(sql)?.int("n") ?? -1 }
    }

    @Test("a sheet is imported once: the second import finds only duplicates; bad rows are quarantined once")
    func sheetTwice() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("import.sqlite")
        let sheet = ImportCommandTests.fixtures.appendingPathComponent("csv/bad-rows.csv").path
        let first = try DanvanProcess.run(["import", sheet, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try summary(first) == ["imported": 3, "duplicates": 0, "followups": 0, "quarantined": 4])
        let second = try DanvanProcess.run(["import", sheet, "--db", db])
        // The bad rows are already in the quarantine: met again, they are duplicates too.
        #expect(try summary(second) == ["imported": 0, "duplicates": 7, "followups": 0, "quarantined": 0])
        #expect(try count("SELECT count(*) AS n FROM grievances", db) == 3)
        #expect(try count("SELECT count(*) AS n FROM quarantine", db) == 4)
        #expect(try count("SELECT count(*) AS n FROM quarantine WHERE source LIKE '%bad-rows.csv:6' AND reason LIKE '%31/02/2026%'", db) == 1)
        // Every imported grievance was routed and its received event names its source line.
        #expect(try count("SELECT count(*) AS n FROM grievances WHERE status = 'received'", db) == 0)
        #expect(try count("SELECT count(*) AS n FROM grievance_events WHERE type = 'received' AND details LIKE '%bad-rows.csv:%'", db) == 3)
    }

    @Test("rows taken in before are found even where the preparer's sample of keys sees only new rows")
    func knownRowsBetweenSampledKeys() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("sample.sqlite")
        func row(_ i: Int) -> String { "HS-\(i),Phạm Văn \(i),Cống thoát nước bị tắc ở tổ \(i),\(i % 28 + 1)/10/2026\n" }
        let header = "Số hồ sơ,Họ và tên,Nội dung,Ngày nhận\n"
        // The preparer samples 16 keys evenly over a chunk of 1,000: every 62nd row, from the first.
        let sampled = Set(stride(from: 0, to: 1000, by: 62))
        let old = directory.path("old.csv"), mixed = directory.path("mixed.csv")
        try Data((header + (0..<1000).filter { !sampled.contains($0) }.map(row).joined()).utf8)
            .write(to: URL(fileURLWithPath: old))
        try Data((header + (0..<1000).map(row).joined()).utf8).write(to: URL(fileURLWithPath: mixed))
        let first = try DanvanProcess.run(["import", old, "--db", db])
        #expect(try summary(first)["imported"] == 1000 - sampled.count, "\(first.stderr)")
        let second = try DanvanProcess.run(["import", mixed, "--db", db])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try summary(second) == ["imported": sampled.count, "duplicates": 1000 - sampled.count, "followups": 0,
                                        "quarantined": 0])
        #expect(try count("SELECT count(*) AS n FROM grievances", db) == 1000)
        #expect(try count("SELECT count(DISTINCT text) AS n FROM grievances", db) == 1000)
    }

    @Test("--timings prints each stage's wall and CPU seconds on standard error, the summary stays alone on standard output")
    func timings() throws {
        let directory = TemporaryDirectory()
        let sheet = ImportCommandTests.fixtures.appendingPathComponent("csv/bad-rows.csv").path
        let result = try DanvanProcess.run(["import", sheet, "--db", directory.path("t.sqlite"), "--timings"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try summary(result) == ["imported": 3, "duplicates": 0, "followups": 0, "quarantined": 4])
        let lines = result.stderr.split(separator: "\n").map(String.init)
        for stage in ["read", "prepare", "write", "waiting"] {
            let line = lines.first { $0.hasPrefix(stage + ": ") }
            #expect(line?.contains(" s wall, ") == true && line?.hasSuffix(" s CPU") == true, "\(lines)")
        }
    }

    @Test("mail: a reply becomes a follow-up of the grievance it answers; attachments are stored with their hash")
    func mailFollowUps() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("mail.sqlite")
        let eml = ImportCommandTests.fixtures.appendingPathComponent("mail/eml")
        let original = eml.appendingPathComponent("01-plain-qp.eml").path
        let reply = eml.appendingPathComponent("11-reply-tracking.eml").path
        let attached = eml.appendingPathComponent("08-mixed-attachments.eml").path
        let result = try DanvanProcess.run(["import", original, reply, attached, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try summary(result) == ["imported": 2, "duplicates": 0, "followups": 1, "quarantined": 0])
        #expect(try count("SELECT count(*) AS n FROM grievance_events WHERE type = 'follow-up' AND details LIKE '%nước vẫn chưa rút%'", db) == 1)
        #expect(try count("SELECT count(*) AS n FROM attachments WHERE size > 0 AND length(content) = size AND length(sha256) = 64", db) == 2)
        let again = try DanvanProcess.run(["import", original, reply, attached, "--db", db])
        #expect(try summary(again) == ["imported": 0, "duplicates": 3, "followups": 0, "quarantined": 0])
        // A tracking code in the subject is enough, whatever the headers say.
        let code = try #require(try Database(path: db).read {
            try $0.queryOne("SELECT tracking_code AS c FROM grievances ORDER BY id LIMIT 1")?.string("c")
        })
        let byCode = directory.path("by-code.eml")
        try Data("From: An <an@example.vn>\r\nSubject: Re: [\(code)] bổ sung\r\nMessage-ID: <new@x>\r\n\r\nGửi thêm ảnh.\r\n".utf8)
            .write(to: URL(fileURLWithPath: byCode))
        #expect(try summary(try DanvanProcess.run(["import", byCode, "--db", db]))["followups"] == 1)
    }

    @Test("mbox and Maildir; --dry-run prints the records and stores nothing")
    func dryRun() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("dry.sqlite")
        let mbox = ImportCommandTests.fixtures.appendingPathComponent("mail/mbox/mboxrd.mbox").path
        let maildir = ImportCommandTests.fixtures.appendingPathComponent("mail/maildir").path
        let result = try DanvanProcess.run(["import", mbox, maildir, "--dry-run", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 8)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["source"] as? String == "\(mbox)#1")
        #expect(first["subject"] as? String != nil && first["from"] as? String != nil && first["text"] as? String != nil)
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test("--dry-run writes every key of a message, null when it lacks one; its text is the subject and the body")
    func dryRunShape() throws {
        let directory = TemporaryDirectory()
        let eml = directory.path("thu.eml")
        try Data("From: An <an@example.vn>\r\nSubject: Cống tắc\r\n\r\nNước tràn ra đường.\r\n".utf8)
            .write(to: URL(fileURLWithPath: eml))
        let result = try DanvanProcess.run(["import", eml, "--dry-run", "--db", directory.path("dry.sqlite")])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        for key in ["source", "message_id", "subject", "from", "date", "text", "attachments"] {
            #expect(object.keys.contains(key), "\(key)")
        }
        #expect(object["message_id"] is NSNull && object["date"] is NSNull)
        #expect(object["text"] as? String == "Cống tắc\n\nNước tràn ra đường.")
    }

    @Test("a sheet's topic or channel naming nothing known is kept as written on the grievance, not dropped")
    func unknownTopicAndChannel() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("topic.sqlite")
        let sheet = directory.path("so.csv")
        try Data("Họ tên,Nội dung,Lĩnh vực,Nguồn\nAn,Cống thoát nước bị tắc ở khu phố 3,Việc khác lạ,Tiếp dân định kỳ\n".utf8)
            .write(to: URL(fileURLWithPath: sheet))
        let result = try DanvanProcess.run(["import", sheet, "--db", db])
        #expect(try summary(result)["imported"] == 1, "\(result.stderr)")
        #expect(try count("""
            SELECT count(*) AS n FROM grievance_events WHERE type = 'received'
            AND json_extract(details, '$."topic as written"') = 'Việc khác lạ'
            AND json_extract(details, '$."channel as written"') = 'Tiếp dân định kỳ'
            """, db) == 1)
    }

    @Test("a file that cannot be imported stops everything before anything is stored, naming the file")
    func badFileFirst() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("bad.sqlite")
        let good = ImportCommandTests.fixtures.appendingPathComponent("csv/dates.csv").path
        let noContent = directory.path("no-content.csv")
        try Data("Họ tên,Địa chỉ\nAn,Huế\n".utf8).write(to: URL(fileURLWithPath: noContent))
        let result = try DanvanProcess.run(["import", good, noContent, "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(noContent):1: không thấy cột nội dung đơn"))
        if FileManager.default.fileExists(atPath: db) {
            #expect(try count("SELECT count(*) AS n FROM grievances", db) == 0)
        }
    }

    @Test("kill -9 in the middle of an import, import again: every row exactly once")
    func killAndResume() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("kill.sqlite")
        let sheet = directory.path("big.csv")
        let rows = 3000
        var text = "Số hồ sơ,Họ và tên,Địa chỉ,Nội dung,Ngày nhận\n"
        let complaints = ["Đường ngập sau mưa", "Rác thải chưa được thu gom", "Karaoke hát khuya", "Đề nghị lắp đèn đường"]
        for i in 0..<rows {
            text += "HS-\(i),Nguyễn Văn \(i),\"khu phố \(i % 9 + 1), phường Bảy Hiền\",\(complaints[i % 4]) (lần \(i)),\(i % 28 + 1)/11/2026\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: sheet))
        let running = try InteractiveProcess(["import", sheet, "--db", db, "--batch", "100", "--log-batches"], timeout: 120)
        // Wait until a few batches are committed, then kill without warning.
        var committed = 0
        while committed < 3, running.waitForError(containing: "committed") != nil { committed += 1 }
        running.signal(SIGKILL)
        _ = running.finish()
        let partial = try count("SELECT count(*) AS n FROM grievances", db)
        #expect(partial >= 300 && partial < rows, "killed after \(partial) rows")
        #expect(try count("SELECT count(*) AS n FROM grievances", db) == (try count("SELECT count(*) AS n FROM intake_keys", db)))
        let resumed = try DanvanProcess.run(["import", sheet, "--db", db, "--batch", "100"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let result = try summary(resumed)
        #expect(result["imported"]! + result["duplicates"]! == rows)
        #expect(result["duplicates"] == partial)
        #expect(try count("SELECT count(*) AS n FROM grievances", db) == rows)
        #expect(try count("SELECT count(DISTINCT text) AS n FROM grievances", db) == rows)
        #expect(try count("SELECT count(*) AS n FROM (SELECT 1 FROM grievance_events WHERE type = 'received' GROUP BY grievance_id)", db) == rows)
    }

    @Test("a write that fails mid-import stops the import with its error, keeps the batches committed before it, and does not hang")
    func writerFails() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("full.sqlite")
        let sheet = directory.path("rows.csv")
        var text = "Số hồ sơ,Họ và tên,Nội dung,Ngày nhận\n"
        for i in 0..<3000 { text += "HS-\(i),Lê Thị \(i),Đường ngập sau mưa (lần \(i)),\(i % 28 + 1)/11/2026\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: sheet))
        // The disk "fills up" at the 2,501st grievance, in the middle of the third batch.
        try Database(path: db).write { connection in
            try connection.execute(script: """
                CREATE TRIGGER test_disk_full BEFORE INSERT ON grievances
                WHEN (SELECT count(*) FROM grievances) >= 2500
                BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END;
                """)
        }
        let running = try InteractiveProcess(["import", sheet, "--db", db, "--batch", "1000"], timeout: 120)
        let message = running.waitForError(containing: "disk full (test)")
        let status = running.finish()
        #expect(message != nil)
        #expect(running.process.terminationReason == .exit && status == 1)
        #expect(try count("SELECT count(*) AS n FROM grievances", db) == 2000)
        #expect(try count("SELECT count(*) AS n FROM intake_keys", db) == 2000)
    }
}
