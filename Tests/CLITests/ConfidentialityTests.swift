import Foundation
import Testing
import TestSupport

/// A denouncer's identity (Luật Tố cáo 2018 art. 47) on every path that shows data: what they
/// typed, what a sheet or a mail said of them, and anything derived from it.
@Suite("A denouncer's identity on every output")
struct ConfidentialityTests {
    private func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    private static let mail = """
        From MAILER-DAEMON Mon Dec  7 08:00:00 2026
        From: to.giac.vien@example.com
        To: tiepdan@mttq.example.vn
        Subject: Don to cao
        Message-ID: <to-cao-1@example.com>
        Date: Mon, 07 Dec 2026 08:00:00 +0700
        Content-Type: text/plain; charset=utf-8

        Tôi tố cáo ông Trần Văn Bình, cán bộ địa chính phường, nhận hối lộ 50 triệu đồng để làm sổ đỏ cho người quen.

        """

    private static let sheet = """
        Họ và tên,Địa chỉ,Số điện thoại,Nội dung,Loại đơn,Số CCCD
        Hoàng Thị Thu,"Tổ dân phố 9, phường Bảy Hiền",0911222333,Tố cáo tổ trưởng thu tiền vệ sinh sai quy định,Tố cáo,079123456789

        """

    @Test("typed, sheet and mail denunciations: no name, address, phone, e-mail, ID number or residential area on any output")
    func everyOutput() throws {
        let directory = TemporaryDirectory("danvan-confidential")
        let db = directory.path("c.sqlite")
        let typedSecrets = ["Lý Thị Hằng", "0977888999", "hang@example.com", "Tổ dân phố 7"]
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "to-cao", "--name", "Lý Thị Hằng", "--phone", "0977888999",
                                           "--email", "hang@example.com", "--address", "Tổ dân phố 7, phường Bảy Hiền, TP.HCM",
                                           "--topic", "can-bo-tham-nhung",
                                           "--text", "Tôi là Lý Thị Hằng, tố cáo cán bộ phường nhận tiền của dân, gọi tôi 0977888999",
                                           "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let typed = try #require(try object(added.stdout)["tracking_code"] as? String)
        try ConfidentialityTests.sheet.write(toFile: directory.path("so.csv"), atomically: true, encoding: .utf8)
        try ConfidentialityTests.mail.write(toFile: directory.path("hop-thu.mbox"), atomically: true, encoding: .utf8)
        let sheetSecrets = ["Hoàng Thị Thu", "Tổ dân phố 9", "0911222333", "079123456789"]
        let mailSecrets = ["to.giac.vien@example.com"]
        let secrets = typedSecrets + sheetSecrets + mailSecrets

        var outputs: [(String, String)] = [("add", added.stdout)]
        for file in ["so.csv", "hop-thu.mbox"] {
            let dry = try DanvanProcess.run(["import", directory.path(file), "--dry-run"])
            #expect(dry.status == 0, "\(dry.stderr)")
            outputs.append(("dry-run \(file)", dry.stdout))
            #expect(try DanvanProcess.run(["import", directory.path(file), "--db", db]).status == 0)
        }
        let listed = try DanvanProcess.run(["grievance", "list", "--db", db])
        #expect(listed.stdoutLines.count == 3)
        outputs.append(("list", listed.stdout))
        outputs.append(("table", try DanvanProcess.run(["grievance", "list", "--format", "table", "--db", db]).stdout))
        for line in listed.stdoutLines {
            let g = try object(line)
            // The mail's sender gave no name: not a tố cáo in law, but still protected.
            #expect(g["confidential"] as? Bool == true, "\(line)")
            let code = try #require(g["tracking_code"] as? String)
            outputs.append(("show \(code)", try DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout))
        }
        for (name, output) in outputs {
            for secret in secrets { #expect(!output.contains(secret), "\(name) shows \(secret): \(output)") }
        }
        // The handling officer may see it, and the look is recorded.
        let revealed = try DanvanProcess.run(["grievance", "show", typed, "--reveal-identity", "--reason", "xác minh", "--db", db])
        #expect(typedSecrets.dropLast().allSatisfy(revealed.stdout.contains))
        let events = try #require(try object(DanvanProcess.run(["grievance", "show", typed, "--db", db]).stdout)["events"] as? [[String: Any]])
        let trace = try #require(events.last)
        #expect(trace["type"] as? String == "identity-revealed" && trace["reason"] as? String == "xác minh")
        #expect(trace["actor"] as? String != nil)
        let dryRevealed = try DanvanProcess.run(["import", directory.path("so.csv"), "--dry-run", "--reveal-identity"])
        #expect(sheetSecrets.allSatisfy(dryRevealed.stdout.contains))
    }

    @Test("a residential area that only the protected address gives is hidden, also after a correction to tố cáo")
    func derivedResidential() throws {
        let directory = TemporaryDirectory("danvan-confidential")
        let db = directory.path("c.sqlite")
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--name", "Mai Văn K", "--topic", "giao-thong",
                                           "--address", "Tổ dân phố 7, phường Bảy Hiền, TP.HCM",
                                           "--text", "Cán bộ phường nhận tiền khi cấp phép sửa nhà", "--db", db])
        let g = try object(added.stdout)
        #expect(g["residential"] as? String == "Tổ dân phố 7")
        let code = try #require(g["tracking_code"] as? String)
        let corrected = try DanvanProcess.run(["grievance", "correct", code, "--kind", "to-cao", "--topic", "can-bo-tham-nhung",
                                               "--db", db])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        for output in [corrected.stdout, try DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout,
                       try DanvanProcess.run(["grievance", "list", "--db", db]).stdout,
                       try DanvanProcess.run(["grievance", "list", "--format", "table", "--db", db]).stdout] {
            #expect(!output.contains("Tổ dân phố 7") && !output.contains("Mai Văn K"), "\(output)")
        }
    }
}

/// Staff see why a text reads as a denunciation, whichever way it came in.
@Suite("Denunciation marks shown to staff")
struct DenunciationMarksTests {
    private func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    static let text = "Chủ tịch UBND xã nhận hối lộ của chủ thầu, đề nghị làm rõ"

    @Test("grievance add as phản ánh of a text with a denunciation's marks warns, names the marks and keeps them with the event")
    func addWarns() throws {
        let directory = TemporaryDirectory("danvan-marks")
        let db = directory.path("m.sqlite")
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--name", "Trần B", "--topic", "can-bo-tham-nhung",
                                           "--text", DenunciationMarksTests.text, "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let code = try #require(try object(added.stdout)["tracking_code"] as? String)
        #expect(added.stderr.contains("lưu ý: nội dung có dấu hiệu tố cáo (hành vi sai phạm: “nhận hối lộ”"), "\(added.stderr)")
        #expect(added.stderr.contains("danvan grievance correct \(code) --kind to-cao"))
        let events = try #require(try object(DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout)["events"] as? [[String: Any]])
        let received = try #require(events.first?["details"] as? [String: String])
        #expect(received["kind_suggested"] == "to-cao" && received["kind_explanation"]?.contains("người có chức vụ: “Chủ tịch”") == true)
        let plain = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--topic", "giao-thong",
                                           "--text", "Đường Lê Văn Sỹ có ổ gà lớn", "--db", db])
        #expect(plain.status == 0 && !plain.stderr.contains("tố cáo"), "\(plain.stderr)")
    }

    @Test("an imported row without a kind that reads as a denunciation becomes a tố cáo, protected, with the reason in its history")
    func importSuggests() throws {
        let directory = TemporaryDirectory("danvan-marks")
        let db = directory.path("m.sqlite")
        let sheet = directory.path("so.csv")
        try "Họ và tên,Nội dung\nTrần Văn C,\"\(DenunciationMarksTests.text)\"\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        #expect(try DanvanProcess.run(["import", sheet, "--db", db]).status == 0)
        let listed = try object(try #require(try DanvanProcess.run(["grievance", "list", "--db", db]).stdoutLines.first))
        #expect(listed["kind"] as? String == "to-cao" && listed["confidential"] as? Bool == true)
        let code = try #require(listed["tracking_code"] as? String)
        let events = try #require(try object(DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout)["events"] as? [[String: Any]])
        let routed = try #require(events.first { ($0["details"] as? [String: String])?["rule"] != nil }?["details"] as? [String: String])
        #expect(routed["kind_explanation"]?.contains("hành vi sai phạm: “nhận hối lộ”") == true, "\(routed)")
    }
}

/// The quarantine holds rows that are not grievances yet, with everything they say of people.
@Suite("Quarantine previews")
struct QuarantinePreviewTests {
    @Test("a quarantined denunciation is (bảo mật), other previews hide phone and ID numbers; an admin may reveal, audited")
    func masked() throws {
        let directory = TemporaryDirectory("danvan-quarantine-preview")
        let db = directory.path("q.sqlite")
        let sheet = directory.path("so.csv")
        try """
            STT;Họ và tên;Địa chỉ;Số điện thoại;Số CCCD;Nội dung;Ngày nhận;Loại đơn
            2;Ngô Thị Mai;Khu phố 3, phường Bảy Hiền;0987654321;079000111222;Tố cáo ông X nhận hối lộ;05/12/2099;Tố cáo
            3;Phan Văn Đức;Khu phố 4, phường Bảy Hiền;0911222333;079000333444;Đường hỏng nhiều ổ gà;31/02/2026;Phản ánh

            """.write(toFile: sheet, atomically: true, encoding: .utf8)
        #expect(try DanvanProcess.run(["import", sheet, "--db", db]).status == 0)
        let listed = try DanvanProcess.run(["quarantine", "list", "--db", db])
        #expect(listed.stdoutLines.count == 2, "\(listed.stdout)")
        for secret in ["Ngô Thị Mai", "0987654321", "079000111222", "0911222333", "079000333444"] {
            #expect(!listed.stdout.contains(secret), "\(secret)")
        }
        #expect(listed.stdout.contains("(bảo mật) (có dấu hiệu tố cáo)") && listed.stdout.contains("Phan Văn Đức"))
        let revealed = try DanvanProcess.run(["quarantine", "list", "--reveal-identity", "--db", db])
        #expect(revealed.stdout.contains("Ngô Thị Mai"))
        #expect(try DanvanProcess.run(["user", "add", "tiep.nhan", "--role", "registrar", "--unit", "mttq-bay-hien", "--db", db]).status == 0)
        let registrar = try DanvanProcess.run(["quarantine", "list", "--reveal-identity", "--as", "tiep.nhan", "--db", db])
        #expect(registrar.status == 1 && registrar.stderr.contains("không có quyền"))
        let audit = try DanvanProcess.run(["audit", "list", "--db", db]).stdout
        #expect(audit.contains("quarantine-reveal") && audit.contains("quarantine-list"))
    }
}
