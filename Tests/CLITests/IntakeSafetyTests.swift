import Foundation
import Testing
import TestSupport
import Storage

/// `grievance add` applies the intake rules, and tables print control characters safely
/// (issue 17, items 3, 17 and 19).
@Suite("danvan grievance add: intake rules; tables")
struct IntakeSafetyTests {
    @Test("a receipt more than a day ahead, or an overlong field, exits 1 naming it and writes nothing", arguments: [
        (["--received", "2030-01-01"], "received"),
        (["--received", "05/12/2099"], "received"),
        (["--name", String(repeating: "Nguyễn ", count: 30)], "name"),
        (["--address", String(repeating: "a", count: 501)], "address"),
        (["--phone", String(repeating: "0", count: 31)], "phone"),
        (["--email", String(repeating: "a", count: 250) + "@x.vn"], "email"),
        (["--text", "\u{1B}\u{7}"], "text"),
    ])
    func refused(arguments: [String], field: String) throws {
        let directory = TemporaryDirectory("danvan-cli")
        let db = directory.path("cli.sqlite")
        let text = arguments.contains("--text") ? [] : ["--text", "Đường hỏng"]
        let result = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--no-route"] + text + arguments + ["--db", db])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("error: \(field): "), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test("tomorrow is accepted")
    func tomorrow() throws {
        let directory = TemporaryDirectory("danvan-cli")
        let tomorrow = Date().addingTimeInterval(20 * 3600)
        let day = ISO8601DateFormatter.string(from: tomorrow, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!,
                                              formatOptions: [.withFullDate])
        let result = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--no-route", "--text", "Đường hỏng",
                                            "--received", day, "--db", directory.path("cli.sqlite")])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("control characters are removed on the way in, the event says so, and tables print none")
    func controls() throws {
        let directory = TemporaryDirectory("danvan-cli")
        let db = directory.path("cli.sqlite")
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--no-route",
                                           "--text", "Cống \u{1B}[31mtắc\u{7} nghẽn\u{9B}\ncả tuần", "--name", "Lý\u{1B}Chín",
                                           "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Cống [31mtắc nghẽn\\ncả tuần") && !added.stdout.contains("\\u001b"), "\(added.stdout)")
        let code = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])["tracking_code"] as? String
        let shown = try DanvanProcess.run(["grievance", "show", try #require(code), "--reveal-identity", "--db", db])
        #expect(shown.stdout.contains("\"control characters removed\":\"name: 1, text: 3\""), "\(shown.stdout)")
        // A value stored before the cleaning (or edited by hand) is still printed safely.
        try Database(path: db).write { connection in
            _ = try connection.run("UPDATE grievances SET text = 'Đỏ ' || char(27) || '[31m' || char(155) || char(8238) || ' hết'")
        }
        let table = try DanvanProcess.run(["grievance", "list", "--format", "table", "--db", db])
        #expect(table.stdout.contains("Đỏ \u{FFFD}[31m\u{FFFD} hết"), "\(table.stdout)")
        #expect(table.status == 0)
        #expect(!table.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
    }
}
