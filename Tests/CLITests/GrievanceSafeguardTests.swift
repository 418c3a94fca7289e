import Foundation
import Testing
import TestSupport

/// What the law and the organisation require of every command, whoever types it: a denouncer
/// stays unnamed, a merge leaves one grievance open, a grievance goes only to units that exist.
@Suite("danvan grievance safeguards")
struct GrievanceSafeguardTests {
    private func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    private func add(_ arguments: [String], db: String) throws -> String {
        let added = try DanvanProcess.run(["grievance", "add"] + arguments + ["--no-route", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        return try #require(try object(added.stdout)["tracking_code"] as? String)
    }

    @Test("a denouncer's name, address, phone and e-mail are shown as (bảo mật), unless the handling officer asks")
    func denouncerIsHidden() throws {
        let directory = TemporaryDirectory("danvan-safeguards")
        let db = directory.path("g.sqlite")
        let identity = ["Nguyễn Thị C", "Khu phố 6, phường Bảy Hiền", "0912345678", "c@example.com"]
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "to-cao", "--name", identity[0], "--address", identity[1],
                                           "--phone", identity[2], "--email", identity[3],
                                           "--text", "Tố cáo cán bộ địa chính nhận tiền", "--no-route", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let code = try #require(try object(added.stdout)["tracking_code"] as? String)
        // A sheet's unmapped column can name the denouncer too.
        let sheet = directory.path("to-cao.csv")
        try "Họ và tên,Nội dung,Loại đơn,Ghi chú\nTrần Văn B,Tố cáo tổ trưởng thu tiền sai quy định,Tố cáo,người báo: anh B ở tổ 3\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        #expect(try DanvanProcess.run(["import", sheet, "--db", db]).status == 0)

        for output in [added.stdout, try DanvanProcess.run(["grievance", "list", "--db", db]).stdout,
                       try DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout] {
            for secret in identity + ["Trần Văn B", "anh B ở tổ 3"] {
                #expect(!output.contains(secret), "\(secret) shown in \(output)")
            }
            #expect(output.contains("(bảo mật)"))
        }
        let listed = try DanvanProcess.run(["grievance", "list", "--db", db]).stdoutLines.map(object)
        #expect(listed.count == 2 && listed.allSatisfy { $0["confidential"] as? Bool == true })
        let submitter = try #require(try object(DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout)["submitter"] as? [String: Any])
        #expect(submitter["name"] as? String == "(bảo mật)" && submitter["phone"] as? String == "(bảo mật)")

        let revealed = try DanvanProcess.run(["grievance", "show", code, "--reveal-identity", "--db", db])
        #expect(revealed.status == 0)
        #expect(identity.allSatisfy(revealed.stdout.contains))
    }

    @Test("correcting the kind to tố cáo makes the identity confidential, and an anonymous letter cannot become one")
    func correctionToDenunciation() throws {
        let directory = TemporaryDirectory("danvan-safeguards")
        let db = directory.path("g.sqlite")
        let named = try add(["--kind", "phan-anh", "--name", "Lê Văn D", "--phone", "0987654321",
                             "--text", "Cán bộ phường nhận tiền khi làm sổ đỏ"], db: db)
        let corrected = try DanvanProcess.run(["grievance", "correct", named, "--kind", "to-cao", "--db", db])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let shown = try object(DanvanProcess.run(["grievance", "show", named, "--db", db]).stdout)
        #expect(shown["kind"] as? String == "to-cao" && shown["confidential"] as? Bool == true)
        #expect(!corrected.stdout.contains("Lê Văn D") && !corrected.stdout.contains("0987654321"))

        let anonymous = try add(["--kind", "phan-anh", "--text", "Cán bộ phường nhận tiền"], db: db)
        let refused = try DanvanProcess.run(["grievance", "correct", anonymous, "--kind", "to-cao", "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderrLines.count == 1 && refused.stderr.hasPrefix("error: kind: "), "\(refused.stderr)")
        #expect(try object(DanvanProcess.run(["grievance", "show", anonymous, "--db", db]).stdout)["kind"] as? String == "phan-anh")
    }

    @Test("two grievances cannot be merged into each other, nor into one that was merged")
    func mergeLeavesOneOpen() throws {
        let directory = TemporaryDirectory("danvan-safeguards")
        let db = directory.path("g.sqlite")
        let first = try add(["--kind", "phan-anh", "--text", "Đường hẻm 12 ngập nước"], db: db)
        let second = try add(["--kind", "phan-anh", "--text", "Hẻm 12 ngập nước khi mưa"], db: db)
        let third = try add(["--kind", "phan-anh", "--text", "Hẻm 12 lại ngập"], db: db)
        let merged = try DanvanProcess.run(["grievance", "transition", second, "--to", "merged", "--into", first, "--db", db])
        #expect(merged.status == 0, "\(merged.stderr)")

        let back = try DanvanProcess.run(["grievance", "transition", first, "--to", "merged", "--into", second, "--db", db])
        #expect(back.status == 1)
        #expect(back.stderr.hasPrefix("error: into: ") && back.stderr.contains(first), "\(back.stderr)")
        let chained = try DanvanProcess.run(["grievance", "transition", third, "--to", "merged", "--into", second, "--db", db])
        #expect(chained.status == 1 && chained.stderr.hasPrefix("error: into: "))
        let missing = try DanvanProcess.run(["grievance", "transition", third, "--to", "merged", "--into", "ZZZZZ-ZZZZZ", "--db", db])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: into: "))
        let statuses = try DanvanProcess.run(["grievance", "list", "--db", db]).stdoutLines.map(object).compactMap { $0["status"] as? String }
        #expect(statuses.sorted() == ["merged", "received", "received"])
    }

    @Test("a unit the directory does not know is refused, naming the option")
    func unknownUnits() throws {
        let directory = TemporaryDirectory("danvan-safeguards")
        let db = directory.path("g.sqlite")
        let code = try add(["--kind", "phan-anh", "--text", "Đèn đường hỏng"], db: db)
        for (arguments, field) in [(["--unit", "khong-ton-tai"], "unit"),
                                   (["--unit", "mttq-bay-hien", "--coordinating", "bogus unit"], "coordinating")] {
            let result = try DanvanProcess.run(["grievance", "transition", code, "--to", "assigned"] + arguments + ["--db", db])
            #expect(result.status == 1)
            #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("error: \(field): "), "\(result.stderr)")
        }
        #expect(try object(DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout)["status"] as? String == "received")
        let assigned = try DanvanProcess.run(["grievance", "transition", code, "--to", "assigned", "--unit", "chi-bo-bay-hien-kp1",
                                              "--coordinating", "mttq-bay-hien", "--db", db])
        #expect(assigned.status == 0, "\(assigned.stderr)")
    }

    @Test("the received date may be typed as staff write it")
    func receivedAsTyped() throws {
        let directory = TemporaryDirectory("danvan-safeguards")
        let db = directory.path("g.sqlite")
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "y-kien", "--text", "Góp ý", "--received", "24/11/2026",
                                           "--no-route", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try object(added.stdout)["received_at"] as? String == "2026-11-23T17:00:00.000Z")
        let code = try #require(try object(added.stdout)["tracking_code"] as? String)
        let typo = try DanvanProcess.run(["grievance", "transition", code, "--to", "transferred", "--authority", "UBND phường Bảy Hiền",
                                          "--authority-due", "31/12/9999", "--db", db])
        #expect(typo.status == 1 && typo.stderr.hasPrefix("error: authority-due: "), "\(typo.stderr)")
        // A deadline before the letter came is a typing error too.
        let early = try DanvanProcess.run(["grievance", "transition", code, "--to", "transferred", "--authority", "UBND phường Bảy Hiền",
                                           "--authority-due", "20/11/2026", "--db", db])
        #expect(early.status == 1 && early.stderr.hasPrefix("error: authority-due: ") && early.stderr.contains("24/11/2026"), "\(early.stderr)")
    }

    @Test("an option the target status does not use is refused, not silently dropped", arguments: [
        (["--to", "accepted", "--unit", "mttq-bay-hien"], "unit"), (["--to", "rejected", "--reason", "x", "--into", "AAAAA-BBBBB"], "into"),
        (["--to", "assigned", "--unit", "mttq-bay-hien", "--authority-due", "30/11/2026"], "authority-due"),
        (["--to", "transferred", "--unit", "mttq-bay-hien", "--coordinating", "chi-bo-bay-hien-kp1"], "coordinating"),
        (["--to", "merged", "--into", "AAAAA-BBBBB", "--authority", "UBND"], "authority"),
    ])
    func unusedOption(arguments: [String], field: String) throws {
        let directory = TemporaryDirectory("danvan-safeguards")
        let db = directory.path("g.sqlite")
        let code = try add(["--kind", "phan-anh", "--text", "Đèn đường hỏng"], db: db)
        let result = try DanvanProcess.run(["grievance", "transition", code] + arguments + ["--db", db])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("error: \(field): --\(field) chỉ dùng khi chuyển sang"), "\(result.stderr)")
        #expect(try object(DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout)["status"] as? String == "received")
    }
}

/// A denunciation cannot be handed by hand to a unit it names without a recorded reason.
@Suite("Conflict of interest by hand")
struct ManualConflictTests {
    private func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("assigning a tố cáo to the unit it names is refused unless --override-conflict gives the reason, which is kept")
    func overrideIsRecorded() throws {
        let directory = TemporaryDirectory("danvan-conflict")
        let db = directory.path("c.sqlite")
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "to-cao", "--name", "Đỗ Văn G", "--topic", "can-bo-tham-nhung",
                                           "--text", "Tố cáo ông Nguyễn Văn Tâm nhận tiền của dân",
                                           "--address", "phường Bảy Hiền, TP.HCM", "--db", db])
        let g = try object(added.stdout)
        #expect(g["lead_unit"] as? String == "dang-uy-bay-hien")
        let code = try #require(g["tracking_code"] as? String)
        for arguments in [["--unit", "ubkt-bay-hien"], ["--unit", "mttq-bay-hien", "--coordinating", "ubkt-bay-hien"]] {
            let refused = try DanvanProcess.run(["grievance", "transition", code, "--to", "assigned"] + arguments + ["--db", db])
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.stderr.contains("xung đột lợi ích") && refused.stderr.contains("--override-conflict"), "\(refused.stderr)")
        }
        #expect(try object(DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout)["lead_unit"] as? String == "dang-uy-bay-hien")
        let forced = try DanvanProcess.run(["grievance", "transition", code, "--to", "assigned", "--unit", "ubkt-bay-hien",
                                            "--override-conflict", "Thường trực Đảng ủy chỉ đạo, ông Tâm không tham gia", "--db", db])
        #expect(forced.status == 0, "\(forced.stderr)")
        let events = try #require(try object(DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout)["events"] as? [[String: Any]])
        #expect((events.last?["details"] as? [String: String])?["override_conflict"] == "Thường trực Đảng ủy chỉ đạo, ông Tâm không tham gia")
        // Nor by a transfer to an authority the letter names.
        let transfer = try DanvanProcess.run(["grievance", "transition", code, "--to", "transferred", "--authority",
                                              "Ủy ban Kiểm tra Đảng ủy phường Bảy Hiền", "--db", db])
        #expect(transfer.status == 1 && transfer.stderr.hasPrefix("error: authority: ") && transfer.stderr.contains("xung đột lợi ích"),
                "\(transfer.stderr)")
        // A unit the text does not name needs no reason.
        let other = try DanvanProcess.run(["grievance", "transition", code, "--to", "assigned", "--unit", "ubkt-thanh-uy-tphcm", "--db", db])
        #expect(other.status == 0, "\(other.stderr)")
    }
}
