import Foundation
import Testing
import TestSupport

/// Accounts on the command line: `user`, `audit`, `--as` on every command.
@Suite("danvan user, audit and --as")
struct AccountCommandTests {
    private func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("a member of an unrelated unit is answered exactly as for an unknown code; one of the unit sees it")
    func noExistenceLeak() throws {
        let directory = TemporaryDirectory("danvan-accounts")
        let db = directory.path("a.sqlite")
        #expect(try DanvanProcess.run(["demo", "--db", db]).status == 0)
        #expect(try DanvanProcess.run(["user", "add", "tam", "--role", "member", "--unit", "ubkt-hanh-thong", "--db", db]).status == 0)
        #expect(try DanvanProcess.run(["user", "add", "tam2", "--role", "member", "--unit", "ubkt-bay-hien", "--db", db]).status == 0)
        let toCao = try #require(try DanvanProcess.run(["grievance", "list", "--db", db]).stdoutLines.map(object)
            .first { $0["kind"] as? String == "to-cao" })
        let code = try #require(toCao["tracking_code"] as? String)
        #expect(toCao["lead_unit"] as? String == "ubkt-bay-hien")
        let hidden = try DanvanProcess.run(["grievance", "show", code, "--as", "tam", "--db", db])
        let unknown = try DanvanProcess.run(["grievance", "show", "ZZZZZ-ZZZZZ", "--as", "tam", "--db", db])
        #expect(hidden.status == 1 && unknown.status == 1)
        #expect(hidden.stderr == unknown.stderr.replacingOccurrences(of: "ZZZZZ-ZZZZZ", with: code))
        let seen = try DanvanProcess.run(["grievance", "show", code, "--as", "tam2", "--db", db])
        #expect(seen.status == 0 && !seen.stdout.contains("Phạm Quốc Bảo"), "\(seen.stderr)")
        let refused = try DanvanProcess.run(["grievance", "show", code, "--as", "tam2", "--reveal-identity", "--db", db])
        #expect(refused.status == 1 && refused.stderr.contains("không có quyền xem danh tính"))
        #expect(try DanvanProcess.run(["grievance", "list", "--as", "tam", "--db", db]).stdout.isEmpty)
    }

    @Test("user add, list, passwd and disable keep the contract's shapes; a disabled or unknown --as is refused")
    func accounts() throws {
        let directory = TemporaryDirectory("danvan-accounts")
        let db = directory.path("a.sqlite")
        let added = try DanvanProcess.run(["user", "add", "lan", "--role", "head", "--unit", "mttq-bay-hien", "--name", "Nguyễn Thị Lan",
                                           "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let user = try object(added.stdout)
        #expect(user["login"] as? String == "lan" && user["role"] as? String == "head" && user["unit"] as? String == "mttq-bay-hien")
        #expect((user["password"] as? String)?.count == 14)
        let file = directory.path("pw.txt")
        try "mot-mat-khau-rat-dai\n".write(toFile: file, atomically: true, encoding: .utf8)
        let withFile = try object(try DanvanProcess.run(["user", "add", "giam.sat", "--role", "supervisor", "--password-file", file,
                                                         "--db", db]).stdout)
        #expect(withFile["password"] is NSNull)
        for (arguments, field) in [(["user", "add", "lan", "--role", "member", "--unit", "mttq-bay-hien"], "login"),
                                   (["user", "add", "x y", "--role", "admin"], "login"),
                                   (["user", "add", "khong.don.vi", "--role", "member"], "unit"),
                                   (["user", "add", "sai.don.vi", "--role", "member", "--unit", "khong-co"], "unit")] {
            let result = try DanvanProcess.run(arguments + ["--db", db])
            #expect(result.status == 1 && result.stderr.hasPrefix("error: \(field): "), "\(arguments): \(result.stderr)")
        }
        let listed = try DanvanProcess.run(["user", "list", "--db", db]).stdoutLines.map(object)
        #expect(listed.map { $0["login"] as? String } == ["giam.sat", "lan"] && listed.allSatisfy { $0["disabled"] as? Bool == false })
        let passwd = try object(try DanvanProcess.run(["user", "passwd", "lan", "--db", db]).stdout)
        #expect(passwd["login"] as? String == "lan" && passwd["password"] as? String != user["password"] as? String)
        // A supervisor reads but manages nothing.
        let byHead = try DanvanProcess.run(["user", "list", "--as", "giam.sat", "--db", db])
        #expect(byHead.status == 1 && byHead.stderr.contains("không có quyền quản lý người dùng"))
        #expect(try DanvanProcess.run(["user", "disable", "lan", "--db", db]).status == 0)
        let disabled = try DanvanProcess.run(["grievance", "list", "--as", "lan", "--db", db])
        #expect(disabled.status == 1 && disabled.stderr == "error: as: tài khoản 'lan' đã bị khóa\n")
        let unknown = try DanvanProcess.run(["grievance", "list", "--as", "ai.do", "--db", db])
        #expect(unknown.status == 1 && unknown.stderr == "error: as: không có người dùng 'ai.do'\n")
        let audit = try DanvanProcess.run(["audit", "list", "--db", db]).stdoutLines.map(object)
        #expect(audit.first?["action"] as? String == "user-disable" && audit.first?["at"] is String)
        #expect(audit.allSatisfy { $0.keys.contains("tracking_code") && $0.keys.contains("login") })
        #expect(audit.map { $0["action"] as? String }.contains("user-passwd"))
    }

    @Test("user api-key prints a key once (stored only as its SHA-256), refuses unknown logins and non-admins; --revoke revokes")
    func apiKeys() throws {
        let directory = TemporaryDirectory("danvan-accounts")
        let db = directory.path("a.sqlite")
        #expect(try DanvanProcess.run(["user", "add", "ung-dung", "--role", "member", "--unit", "mttq-bay-hien", "--db", db]).status == 0)
        #expect(try DanvanProcess.run(["user", "add", "tam", "--role", "member", "--unit", "mttq-bay-hien", "--db", db]).status == 0)
        let issued = try DanvanProcess.run(["user", "api-key", "ung-dung", "--db", db])
        #expect(issued.status == 0, "\(issued.stderr)")
        let printed = try object(issued.stdout)
        #expect(Set(printed.keys) == ["login", "api_key"] && printed["login"] as? String == "ung-dung")
        let key = try #require(printed["api_key"] as? String)
        #expect(key.count == 43 && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let again = try object(try DanvanProcess.run(["user", "api-key", "ung-dung", "--db", db]).stdout)
        #expect(again["api_key"] as? String != key)
        let unknown = try DanvanProcess.run(["user", "api-key", "ai.do", "--db", db])
        #expect(unknown.status == 1 && unknown.stderr == "error: login: không có người dùng 'ai.do'\n")
        let byMember = try DanvanProcess.run(["user", "api-key", "ung-dung", "--as", "tam", "--db", db])
        #expect(byMember.status == 1 && byMember.stderr.contains("không có quyền quản lý khóa API"))
        let revoked = try DanvanProcess.run(["user", "api-key", "ung-dung", "--revoke", "--db", db])
        #expect(revoked.status == 0)
        #expect(try object(revoked.stdout)["revoked"] as? Int == 2)
        #expect(try DanvanProcess.run(["user", "api-key", "--help"]).stdout.contains("api_key"))
        let audit = try DanvanProcess.run(["audit", "list", "--db", db]).stdoutLines.map(object)
        #expect(audit.first?["action"] as? String == "api-key-revoke")
        #expect(!(try DanvanProcess.run(["audit", "list", "--db", db]).stdout.contains(key)))
    }

    @Test("every command takes --as, also those that touch no data")
    func everyCommand() throws {
        let result = try DanvanProcess.run(["text", "fold", "Hồ Chí Minh", "--as", "ai.do"])
        #expect(result.status == 0 && result.stdout == "ho chi minh\n")
        #expect(try DanvanProcess.run(["grievance", "add", "--help"]).stdout.contains("--as <LOGIN>"))
    }
}
