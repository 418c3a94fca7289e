import Foundation
import Testing
import TestSupport

/// `--db` names the file everything is kept in: a wrong path is one clear line, and only the
/// commands meant to start a database make a new one.
@Suite("danvan --db")
struct DatabaseOptionTests {
    @Test("a file that is not a database is one line naming db, for every kind of command")
    func notADatabase() throws {
        let directory = TemporaryDirectory("danvan-db-option")
        let sheet = directory.path("sheet.csv")
        try "Họ và tên,Nội dung\nA,B\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        for arguments in [["grievance", "show", "K7M3Q-9TXR2"], ["grievance", "list"], ["db", "migrate"],
                          ["grievance", "add", "--kind", "phan-anh", "--text", "Đèn đường hỏng", "--no-route"],
                          ["import", sheet]] {
            let result = try DanvanProcess.run(arguments + ["--db", sheet])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderrLines == ["error: db: '\(sheet)' không phải cơ sở dữ liệu SQLite (file is not a database)"],
                    "\(arguments): \(result.stderr)")
        }
    }

    @Test("reading commands refuse a path where no database is, and create nothing")
    func missingDatabase() throws {
        let directory = TemporaryDirectory("danvan-db-option")
        let typo = directory.path("typo/danvan.sqlite")
        for arguments in [["grievance", "show", "K7M3Q-9TXR2"], ["grievance", "list"],
                          ["grievance", "transition", "K7M3Q-9TXR2", "--to", "accepted"],
                          ["grievance", "correct", "K7M3Q-9TXR2", "--topic", "giao-thong"]] {
            let result = try DanvanProcess.run(arguments + ["--db", typo])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("error: db: không có cơ sở dữ liệu '\(typo)'"),
                    "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("typo")))
    }

    @Test("commands that start a database say so when they make a new one")
    func creatingCommandsTell() throws {
        let directory = TemporaryDirectory("danvan-db-option")
        let db = directory.path("new/danvan.sqlite")
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--text", "Đèn đường hỏng", "--no-route",
                                           "--db", db])
        #expect(added.status == 0)
        #expect(added.stderr.contains("Đã tạo cơ sở dữ liệu mới: \(db)"))
        let again = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--text", "Đèn đường vẫn hỏng", "--no-route",
                                           "--db", db])
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
    }
}
