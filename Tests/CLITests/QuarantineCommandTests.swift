import Foundation
import Testing
import TestSupport
import Storage

/// `danvan import` through the intake rules, and the quarantine seen and retried (issue 17,
/// items 1, 3, 17 and 21).
@Suite("danvan quarantine list|retry", .serialized)
struct QuarantineCommandTests {
    func json(_ result: DanvanProcess.Result) throws -> [[String: Any]] {
        try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func count(_ sql: String, _ db: String) throws -> Int {
        try Database(path: db).read { try $0.queryOne(sql)?.int("n") ?? -1 }
    }

    static let strayQuote = "11;\"Lý Văn Chín;Khu phố 2, phường Bảy Hiền;Cống bị \"tắc\" nghẽn;04/11/2026;Phản ánh"

    @Test("bad rows are listed with source, reason and preview, and a row fixed by a mapping file is retried")
    func listAndRetry() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("q.sqlite")
        let sheet = directory.path("so.csv")
        let text = "STT;Họ và tên;Nội dung;Ngày nhận;Phân loại\n"
            + "1;An;Cống thoát nước bị tắc ở khu phố 2;04/11/2026;Phản ánh\n"
            + "2;Bình;Rác thải ở đầu hẻm chưa được thu gom;05/11/2026;Môi trường\n"
            + QuarantineCommandTests.strayQuote + "\n"
            + "4;Chi;Đèn đường \u{1B}[31mhỏng\u{7} cả tháng;05/11/2026;Phản ánh\n"
            + "5;Dung;Ổ gà lớn trước cổng chợ;05/12/2099;Phản ánh\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: sheet))
        let imported = try DanvanProcess.run(["import", sheet, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try json(imported).last as? [String: Int] == ["imported": 2, "duplicates": 0, "followups": 0, "quarantined": 3])
        // Control characters never reach the store; the received event says they were removed.
        #expect(try count("SELECT count(*) AS n FROM grievances WHERE text = 'Đèn đường [31mhỏng cả tháng'", db) == 1)
        #expect(try count("SELECT count(*) AS n FROM grievance_events WHERE details LIKE '%control characters removed%'", db) == 1)

        let listed = try DanvanProcess.run(["quarantine", "list", "--db", db])
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = try json(listed)
        #expect(rows.map { $0["source"] as? String } == ["\(sheet):3", "\(sheet):4", "\(sheet):6"])
        #expect((rows[0]["reason"] as? String)?.contains("Phân loại") == true)
        #expect((rows[0]["preview"] as? String)?.hasPrefix("2;Bình;Rác thải") == true)
        #expect((rows[1]["preview"] as? String) == QuarantineCommandTests.strayQuote)
        #expect((rows[2]["reason"] as? String)?.contains("Ngày nhận") == true)
        #expect(Set(rows.flatMap { $0.keys }) == ["id", "source", "reason", "preview"])
        #expect(try json(try DanvanProcess.run(["quarantine", "list", "--file", "so.csv", "--db", db])).count == 3)
        #expect(try json(try DanvanProcess.run(["quarantine", "list", "--file", "khac.csv", "--db", db])).isEmpty)

        // The kind column was a topic column: a mapping file fixes it, and the row is retried.
        let mapping = directory.path("anh-xa.txt")
        try Data("Phân loại = topic\n".utf8).write(to: URL(fileURLWithPath: mapping))
        let id = try #require(rows[0]["id"] as? Int)
        let retried = try DanvanProcess.run(["quarantine", "retry", String(id), "--mapping", mapping, "--db", db])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try json(retried).last as? [String: Int] == ["imported": 1, "duplicates": 0, "followups": 0, "quarantined": 0])
        #expect(try json(try DanvanProcess.run(["quarantine", "list", "--db", db])).map { $0["id"] as? Int }
                == rows[1...].map { $0["id"] as? Int })
        // It has the key the file gives it: importing the file with the mapping finds it taken in.
        let again = try DanvanProcess.run(["import", sheet, "--mapping", mapping, "--db", db])
        #expect(try count("SELECT count(*) AS n FROM grievances WHERE text LIKE 'Rác thải%'", db) == 1, "\(again.stdout)")

        // Still broken: it stays, counted as quarantined, with its reason.
        let all = try DanvanProcess.run(["quarantine", "retry", "--all", "--db", db])
        #expect(try json(all).last as? [String: Int] == ["imported": 0, "duplicates": 0, "followups": 0, "quarantined": 2])
        #expect(try count("SELECT count(*) AS n FROM quarantine", db) == 2)
    }

    @Test("retry needs an id or --all, and an unknown id is bad input")
    func retryArguments() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("q.sqlite")
        #expect(try DanvanProcess.run(["db", "migrate", "--db", db]).status == 0)
        #expect(try DanvanProcess.run(["quarantine", "retry", "--db", db]).status == 1)
        let unknown = try DanvanProcess.run(["quarantine", "retry", "999", "--db", db])
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("error: id: "), "\(unknown.stderr)")
        // Only the commands meant to start a database make one.
        let missing = directory.path("missing/q.sqlite")
        for arguments in [["quarantine", "list"], ["quarantine", "retry", "--all"]] {
            let result = try DanvanProcess.run(arguments + ["--db", missing])
            #expect(result.status == 1 && result.stderr.hasPrefix("error: db: "), "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("missing")))
    }
}
