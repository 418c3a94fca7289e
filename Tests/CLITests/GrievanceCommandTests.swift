import Foundation
import Testing
import Storage
import TestSupport

@Suite("danvan grievance")
struct GrievanceCommandTests {
    /// Bad input: exit 1, exactly one line on stderr naming the field, and nothing written.
    @Test("bad input exits 1 with one line naming the field and writes nothing", arguments: [
        (["--kind", "phan-anh", "--text", ""], "text"),
        (["--kind", "phan-anh", "--text", "   "], "text"),
        (["--kind", "khieu-nai-lung-tung", "--text", "Đơn khiếu nại"], "kind"),
        // 100,004 characters; mostly ASCII because Linux caps one argument at 128 KiB.
        (["--kind", "phan-anh", "--text", String(repeating: "o ga ", count: 20_000) + "ổ gà"], "text"),
        (["--kind", "to-cao", "--text", "Tố cáo ông X nhận tiền"], "name"),
        (["--kind", "to-cao", "--text", "Tố cáo ông X nhận tiền", "--name", "   "], "name"),
        (["--kind", "phan-anh", "--text", "Đường hỏng", "--channel", "fax"], "channel"),
        (["--kind", "phan-anh", "--text", "Đường hỏng", "--received", "hôm qua"], "received"),
        (["--kind", "phan-anh", "--text", "Đường hỏng", "--received", "31/12/9999"], "received"),
        (["--kind", "phan-anh", "--text", "Đường hỏng", "--topic", "giao-thong", "--no-route"], "topic"),
        (["--kind", "phan-anh", "--text", "Đường hỏng", "--topic", "giao-thong-xa"], "topic"),
        (["--kind", "phan-anh", "--text", "Đường hỏng", "--topic", "giao-thong", "--office", "khong-co"], "office"),
        // Codes must name units in force since 2025-07-01, the commune inside the province.
        (["--kind", "phan-anh", "--text", "Đường hỏng", "--province", "999"], "province"),
        (["--kind", "phan-anh", "--text", "Đường hỏng", "--commune", "99999999"], "commune"),
        (["--kind", "phan-anh", "--text", "Đường hỏng", "--province", "1", "--commune", "26983"], "commune"),
    ])
    func badInput(arguments: [String], field: String) throws {
        let directory = TemporaryDirectory("danvan-cli")
        let db = directory.path("cli.sqlite")
        let result = try DanvanProcess.run(["grievance", "add"] + arguments + ["--db", db])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("error: \(field): "), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: db), "the database was touched")
    }

    @Test("text that is not UTF-8 exits 1 naming the field, and an existing database is left as it was")
    func invalidUTF8() throws {
        let directory = TemporaryDirectory("danvan-cli")
        let db = directory.path("cli.sqlite")
        let first = try DanvanProcess.run(["grievance", "add", "--kind", "y-kien", "--text", "Góp ý", "--no-route", "--db", db])
        #expect(first.status == 0)
        let bytes: [[UInt8]] = [Array("grievance".utf8), Array("add".utf8), Array("--kind".utf8), Array("phan-anh".utf8),
                                Array("--text".utf8), Array("đường ".utf8) + [0xC3, 0x28, 0xFF], Array("--db".utf8), Array(db.utf8)]
        let result = try DanvanProcess.run(bytes)
        #expect(result.status == 1)
        #expect(result.stderrLines == ["error: text: không phải UTF-8 hợp lệ (byte 0xC3 ở vị trí 10)"])
        #expect(try GrievanceStore(database: Database(path: db)).count() == 1)
    }

    @Test("usage errors exit 2")
    func usageErrors() throws {
        #expect(try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh"]).status == 2)
        #expect(try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--text", "x", "--bogus"]).status == 2)
        #expect(try DanvanProcess.run(["grievance", "frobnicate"]).status == 2)
        #expect(try DanvanProcess.run(["grievance"]).status == 2)
    }

    @Test("every command has --help", arguments: [
        ["--help"], ["grievance", "--help"], ["grievance", "add", "--help"], ["grievance", "show", "--help"],
        ["grievance", "list", "--help"], ["grievance", "transition", "--help"], ["db", "migrate", "--help"],
        ["demo", "--help"], ["bench", "store", "--help"], ["version", "--help"], ["help", "grievance", "list"],
    ])
    func help(arguments: [String]) throws {
        let result = try DanvanProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("MÔ TẢ: "))
        #expect(result.stdout.contains("CÁCH DÙNG: danvan"))
    }

    @Test("add, show, transition and list work together")
    func lifecycleThroughTheCommandLine() throws {
        let directory = TemporaryDirectory("danvan-cli")
        let db = directory.path("cli.sqlite")
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "khieu-nai", "--name", "Lê Văn Hùng",
                                           "--text", "Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND".decomposedStringWithCanonicalMapping,
                                           "--received", "2026-11-23T09:30:00+07:00", "--no-route", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
        let code = try #require(object["tracking_code"] as? String)
        #expect(object["status"] as? String == "received")
        // Stored in NFC whatever the keyboard sent.
        #expect((object["text"] as? String).map { Array($0.utf8) }
                == Array("Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND".precomposedStringWithCanonicalMapping.utf8))
        #expect(object["received_at"] as? String == "2026-11-23T02:30:00.000Z")

        let illegal = try DanvanProcess.run(["grievance", "transition", code, "--to", "closed", "--db", db])
        #expect(illegal.status == 1)
        #expect(illegal.stderrLines.count == 1)
        #expect(illegal.stderr.contains("không thể chuyển từ “mới tiếp nhận” (received) sang “đã kết thúc” (closed)"))

        for step in [["--to", "assigned", "--unit", "mttq-bay-hien"], ["--to", "accepted"],
                     ["--to", "rejected", "--reason", "x"]] {
            let moved = try DanvanProcess.run(["grievance", "transition", code.lowercased()] + step + ["--db", db])
            if step[1] == "rejected" {
                #expect(moved.status == 1)  // accepted → rejected is not a legal move
            } else {
                #expect(moved.status == 0, "\(step): \(moved.stderr)")
            }
        }
        let shown = try DanvanProcess.run(["grievance", "show", code, "--db", db])
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(detail["status"] as? String == "accepted")
        #expect(detail["lead_unit"] as? String == "mttq-bay-hien")
        #expect((detail["events"] as? [[String: Any]])?.compactMap { $0["to_status"] as? String } == ["received", "assigned", "accepted"])
        // Never routed, the khiếu nại takes its kind's policy when accepted: 30 days from the day of acceptance.
        let acceptedAt = try #require((detail["events"] as? [[String: Any]])?.last?["at"] as? String)
        let instant = try #require(ISO8601DateFormatter.withFractionalSeconds.date(from: acceptedAt))
        let acceptedDay = ISO8601DateFormatter.vietnamDay.string(from: instant)
        let due = try DanvanProcess.run(["calendar", "due", "--from", acceptedDay, "--days", "30"])
        #expect(detail["due_resolve"] as? String == due.stdout.trimmingCharacters(in: .whitespacesAndNewlines))

        let listed = try DanvanProcess.run(["grievance", "list", "--status", "accepted", "--db", db])
        #expect(listed.stdoutLines.count == 1)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdoutLines[0].utf8)) as? [String: Any])
        for key in ["tracking_code", "text", "kind", "status", "topic", "lead_unit", "due_resolve"] {
            #expect(row.keys.contains(key), "list output lacks \(key)")
        }
        let table = try DanvanProcess.run(["grievance", "list", "--format", "table", "--db", db])
        #expect(table.stdout.contains(code) && table.stdout.contains("23/11/2026") && table.stdout.contains("đã thụ lý"))

        let missing = try DanvanProcess.run(["grievance", "show", "ZZZZZ-ZZZZZ", "--db", db])
        #expect(missing.status == 1 && missing.stderr.contains("không có đơn nào mã ZZZZZ-ZZZZZ"))
        let malformed = try DanvanProcess.run(["grievance", "show", "12", "--db", db])
        #expect(malformed.status == 1 && malformed.stderr.hasPrefix("error: code: "))
    }

    @Test("db migrate reports the versions; version names the schema")
    func migrateAndVersion() throws {
        let directory = TemporaryDirectory("danvan-cli")
        let db = directory.path("nested/dir/cli.sqlite")
        let first = try DanvanProcess.run(["db", "migrate", "--db", db])
        #expect(first.status == 0)
        #expect(first.stdout.contains("\"previous_version\":0") && first.stdout.contains("\"schema_version\":\(Migrator.latestVersion)"))
        let again = try DanvanProcess.run(["db", "migrate", "--db", db])
        #expect(again.stdout.contains("\"previous_version\":\(Migrator.latestVersion)"))
        let version = try DanvanProcess.run(["version"])
        #expect(version.stdout.hasPrefix("danvan ") && version.stdout.contains("schema \(Migrator.latestVersion)"))
    }

    @Test("demo loads once and lists what it loaded")
    func demo() throws {
        let directory = TemporaryDirectory("danvan-cli")
        let db = directory.path("demo.sqlite")
        let first = try DanvanProcess.run(["demo", "--db", db])
        #expect(first.status == 0)
        // The table names units as people do, not by their ids.
        #expect(first.stdout.contains("ĐƠN VỊ CHỦ TRÌ") && first.stdout.contains("HẠN GIẢI QUYẾT"))
        #expect(first.stdout.contains("Ủy ban Kiểm tra Đảng ủy phường Bảy Hiền") && !first.stdout.contains("ubkt-bay-hien"))
        let listed = try DanvanProcess.run(["grievance", "list", "--format", "table", "--db", db])
        #expect(listed.stdout.contains("Ủy ban Kiểm tra Đảng ủy phường Bảy Hiền"), "\(listed.stdout)")
        let count = try GrievanceStore(database: Database(path: db)).count()
        #expect(count >= 5)
        let second = try DanvanProcess.run(["demo", "--db", db])
        #expect(second.status == 0)
        #expect(try GrievanceStore(database: Database(path: db)).count() == count)
    }
}

@Suite("danvan locate and text")
struct LocateCommandTests {
    @Test("locate reads lines, also invalid UTF-8 and empty ones, and answers each")
    func lines() throws {
        var input = Data("P.12, Q.Tân Bình, TP.HCM\n\n".utf8)
        input.append(contentsOf: [0x50, 0x2E, 0x31, 0x32, 0xFF, 0xFE, 0x0A])
        let result = try DanvanProcess.run([Array("locate".utf8)], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutLines[0].utf8)) as? [String: Any])
        #expect((first["commune"] as? [String: Any])?["code"] as? String == "26983")
        for key in ["input", "province", "commune", "residential", "legacy", "candidates", "confidence"] {
            #expect(first.keys.contains(key), "locate output lacks \(key)")
        }
    }

    @Test("text commands follow ../shared/INTERFACES.md")
    func text() throws {
        #expect(try DanvanProcess.run(["text", "fold", "TP. Hồ Chí Minh"]).stdout == "tp ho chi minh\n")
        #expect(try DanvanProcess.run(["text", "deaccent", "Đường Lê Văn Sỹ"]).stdout == "Duong Le Van Sy\n")
        #expect(try DanvanProcess.run(["text", "normalize", "Hà Ná»™i"]).stdout == "Hà Nội\n")
        let vni = try DanvanProcess.run([Array("text".utf8), Array("convert".utf8), Array("--from".utf8), Array("vni".utf8)],
                                        stdin: Data([0x58, 0x69, 0x6E, 0x20, 0x63, 0x68, 0x61, 0xF8, 0x6F]))
        #expect(vni.stdout == "Xin chào")
        let bad = try DanvanProcess.run([Array("text".utf8), Array("convert".utf8), Array("--from".utf8), Array("utf8".utf8)],
                                        stdin: Data([0x61, 0xFF]))
        #expect(bad.status == 1 && bad.stderrLines.count == 1 && bad.stderr.hasPrefix("error: stdin: "))
    }
}

@Suite("Corrections teach the classifier")
struct CorrectionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("a correction changes the grievance, is recorded as an event, and is counted by model train")
    func correctAndRetrain() throws {
        let directory = TemporaryDirectory("danvan-correct")
        let db = directory.path("c.sqlite")
        let rules = CorrectionTests.root.appendingPathComponent("routing-rules").path
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--text", "Nhà hàng xóm lấn sang đất nhà tôi 30 cm",
                                           "--no-route", "--db", db])
        let code = try #require((try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])?["tracking_code"] as? String)
        let wrong = try DanvanProcess.run(["grievance", "correct", code, "--topic", "dat-dia", "--rules", rules, "--db", db])
        #expect(wrong.status == 1 && wrong.stderr.hasPrefix("error: topic: không có chủ đề 'dat-dia'"))
        let corrected = try DanvanProcess.run(["grievance", "correct", code, "--topic", "dat-dai", "--kind", "khieu-nai",
                                               "--rules", rules, "--db", db])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let shown = try DanvanProcess.run(["grievance", "show", code, "--db", db])
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(detail["topic"] as? String == "dat-dai" && detail["kind"] as? String == "khieu-nai")
        let events = try #require(detail["events"] as? [[String: Any]])
        #expect(events.last?["type"] as? String == "corrected")

        // A small corpus keeps the training quick in a debug build.
        let lines = try String(contentsOf: CorrectionTests.root.appendingPathComponent("corpus/train.tsv"), encoding: .utf8)
            .split(separator: "\n").prefix(120)
        let corpus = directory.path("small.tsv")
        try (lines.joined(separator: "\n") + "\n").write(toFile: corpus, atomically: true, encoding: .utf8)
        let trained = try DanvanProcess.run(["model", "train", "--corpus", corpus, "--out", directory.path("m.tsv"), "--rules", rules,
                                             "--db", db])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stdout.contains("\"corrections\":1"))
        let classified = try DanvanProcess.run(["classify", "--model", directory.path("m.tsv")],
                                               stdin: #"{"id":"x","text":"Nhà hàng xóm lấn sang đất nhà tôi"}"# + "\n")
        #expect(classified.status == 0 && classified.stdout.contains("\"id\":\"x\"") && classified.stdout.contains("\"locality\""))
    }
}

@Suite("Corrections route again")
struct CorrectionRoutingTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A phản ánh about a residential-area head, routed by the rules to the ward's Front committee.
    func addReport(_ db: String) throws -> String {
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--name", "Phạm Văn C", "--topic", "can-bo-tham-nhung",
                                           "--text", "Ông tổ trưởng khu phố 2 thu tiền vệ sinh không có biên lai",
                                           "--address", "khu phố 2, phường Bảy Hiền, TP.HCM", "--db", db])
        let g = try json(added.stdout)
        #expect(g["status"] as? String == "assigned" && g["lead_unit"] as? String == "mttq-bay-hien", "\(added.stderr)")
        return try #require(g["tracking_code"] as? String)
    }

    @Test("a phản ánh found to be a tố cáo before it is accepted goes where the rules send a tố cáo")
    func toCaoFoundLater() throws {
        let directory = TemporaryDirectory("danvan-correct-route")
        let db = directory.path("c.sqlite")
        let code = try addReport(db)
        let corrected = try DanvanProcess.run(["grievance", "correct", code, "--kind", "to-cao", "--db", db])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let g = try json(corrected.stdout)
        #expect(g["lead_unit"] as? String == "ubkt-bay-hien" && g["rule"] as? String == "R01" && g["status"] as? String == "assigned")
        let shown = try json(DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout)
        let types = (shown["events"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
        #expect(types == ["received", "status-changed", "corrected", "status-changed"])
    }

    @Test("--no-route, or a grievance its unit has accepted, stays with its unit")
    func stays() throws {
        let directory = TemporaryDirectory("danvan-correct-route")
        let db = directory.path("c.sqlite")
        let kept = try addReport(db)
        let noRoute = try DanvanProcess.run(["grievance", "correct", kept, "--kind", "to-cao", "--no-route", "--db", db])
        #expect(try json(noRoute.stdout)["lead_unit"] as? String == "mttq-bay-hien", "\(noRoute.stderr)")
        let accepted = try addReport(db)
        #expect(try DanvanProcess.run(["grievance", "transition", accepted, "--to", "accepted", "--db", db]).status == 0)
        let late = try DanvanProcess.run(["grievance", "correct", accepted, "--kind", "to-cao", "--db", db])
        let g = try json(late.stdout)
        #expect(g["lead_unit"] as? String == "mttq-bay-hien" && g["status"] as? String == "accepted" && g["kind"] as? String == "to-cao")
    }
}

@Suite("danvan units import")
struct UnitsImportTests {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("routing-rules").path

    @Test("a sheet with Vietnamese headers becomes a units file that the rules accept")
    func importSheet() throws {
        let directory = TemporaryDirectory("danvan-units")
        let sheet = directory.path("don-vi.csv")
        try "Mã;Tên đơn vị;Loại;Cấp trên;Tỉnh;Xã;Khu dân cư\nbctmt-bh-kp9;Ban công tác Mặt trận khu phố 9 #2;Ban công tác Mặt trận;mttq-bay-hien;79;26983;Khu phố 9\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let out = directory.path("imported.units")
        let result = try DanvanProcess.run(["units", "import", sheet, "--out", out, "--rules", UnitsImportTests.rules])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("unit bctmt-bh-kp9") && text.contains("type: ban-cong-tac-mat-tran") && text.contains("areas: Khu phố 9"))
        #expect(text.contains("khu phố 9 số 2"))
    }

    @Test("problems name the sheet's line, and nothing is written", arguments: [
        ("id,name,type,parent\nx1,Đơn vị X,loai-la,mttq-bay-hien\n", ":2: type: không có loại đơn vị 'loai-la'"),
        ("id,name,type,parent\nx2,Đơn vị Y,chi-bo,khong-co\n", "unit x2: unknown parent 'khong-co'"),
        ("id,ten\nx3,Đơn vị Z\n", ":1: bảng tính thiếu cột 'type'"),
        ("id,name,type\n\"x4,Đơn vị,chi-bo\n", ":2: một ô mở dấu ngoặc kép nhưng không đóng"),
    ])
    func problems(sheet: String, message: String) throws {
        let directory = TemporaryDirectory("danvan-units")
        let path = directory.path("bad.csv")
        try sheet.write(toFile: path, atomically: true, encoding: .utf8)
        let out = directory.path("never.units")
        let result = try DanvanProcess.run(["units", "import", path, "--out", out, "--rules", UnitsImportTests.rules])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}


@Suite("Registering routes the grievance")
struct RoutedAddTests {
    @Test("the address gives the place, the rules the unit and the legal deadlines; extensions stay within the policy")
    func routeAndExtend() throws {
        let directory = TemporaryDirectory("danvan-route-add")
        let db = directory.path("r.sqlite")
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "to-cao", "--name", "Phạm Văn C", "--topic", "can-bo-tham-nhung",
                                           "--text", "Tố cáo cán bộ địa chính phường nhận tiền của dân",
                                           "--address", "khu phố 2, phường Bảy Hiền, TP.HCM",
                                           "--received", "2026-11-23T09:00:00+07:00", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let g = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
        #expect(g["status"] as? String == "assigned")
        #expect(g["lead_unit"] as? String == "ubkt-bay-hien")
        // The denouncer's address places the matter in its commune; its khu phố would point at them.
        #expect(g["commune"] as? String == "26983" && g["residential"] is NSNull)
        #expect(g["rule"] as? String == "R01")
        // 7 working days to accept (24/11 is a holiday), 30 days after that to resolve.
        #expect(g["due_accept"] as? String == "2026-12-03" && g["due_resolve"] as? String == "2027-01-04")
        let code = try #require(g["tracking_code"] as? String)

        // The resolution period runs from acceptance: an extension before it would be overwritten.
        let early = try DanvanProcess.run(["grievance", "extend", code, "--days", "30", "--reason", "phức tạp", "--db", db])
        #expect(early.status == 1 && early.stderr.contains("chỉ gia hạn giải quyết sau khi đã thụ lý"), "\(early.stderr)")
        let accepted = try DanvanProcess.run(["grievance", "transition", code, "--to", "accepted", "--db", db])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        var due = try #require(try JSONSerialization.jsonObject(with: Data(accepted.stdout.utf8)) as? [String: Any])["due_resolve"] as? String
        let tooLong = try DanvanProcess.run(["grievance", "extend", code, "--days", "31", "--reason", "phức tạp", "--db", db])
        #expect(tooLong.status == 1 && tooLong.stderr.hasPrefix("error: days: mỗi lần gia hạn tối đa 30 ngày"))
        for _ in 0..<2 {
            let expected = try DanvanProcess.run(["calendar", "due", "--from", try #require(due), "--days", "30"]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let extended = try DanvanProcess.run(["grievance", "extend", code, "--days", "30", "--reason", "phức tạp", "--db", db])
            #expect(extended.status == 0 && extended.stdout.contains("\"due_resolve\":\"\(expected)\""), "\(extended.stderr)")
            due = expected
        }
        let third = try DanvanProcess.run(["grievance", "extend", code, "--days", "5", "--reason", "lần ba", "--db", db])
        #expect(third.status == 1 && third.stderr.contains("đã gia hạn 2/2 lần"))
        let shown = try DanvanProcess.run(["grievance", "show", code, "--db", db])
        let events = try #require((try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])?["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["type"] as? String } == ["received", "status-changed", "status-changed", "extended", "extended"])
        #expect((events[1]["details"] as? [String: String])?["explanation"]?.hasPrefix("Khớp quy tắc R01") == true)
    }

    @Test("a grievance nobody can place goes to the registering office's triage queue")
    func triage() throws {
        let directory = TemporaryDirectory("danvan-route-add")
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--topic", "giao-thong",
                                           "--text", "Đường hỏng nhiều ổ gà", "--db", directory.path("t.sqlite")])
        let g = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
        #expect(g["status"] as? String == "triage" && g["lead_unit"] as? String == "mttq-tphcm" && g["rule"] as? String == "R90")
    }
}

extension ISO8601DateFormatter {
    static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }

    /// yyyy-mm-dd in Vietnam (UTC+7).
    static var vietnamDay: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        return formatter
    }
}
