import Foundation
import Testing
import TestSupport

/// Every grievance that leaves the desk has the dates the law gives it, whichever way it came.
@Suite("Deadlines of every grievance")
struct DeadlineCommandTests {
    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func due(from day: String, days: Int, working: Bool = false) throws -> String {
        try DanvanProcess.run(["calendar", "due", "--from", day, "--days", String(days)] + (working ? ["--working"] : []))
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("registered without routing, a grievance still has its place and its acceptance deadline")
    func noRoute() throws {
        let directory = TemporaryDirectory("danvan-deadlines")
        let added = try DanvanProcess.run(["grievance", "add", "--kind", "khieu-nai", "--name", "Lê Văn E",
                                           "--text", "Khiếu nại quyết định xử phạt", "--address", "khu phố 3, phường Bảy Hiền, TP.HCM",
                                           "--received", "07/12/2026", "--no-route", "--db", directory.path("d.sqlite")])
        #expect(added.status == 0, "\(added.stderr)")
        let g = try object(added.stdout)
        #expect(g["status"] as? String == "received")
        #expect(g["commune"] as? String == "26983" && g["province"] as? String == "79")
        // Luật Khiếu nại 2011 art. 27: 10 days to accept.
        #expect(g["due_accept"] as? String == (try due(from: "2026-12-07", days: 10)))
    }

    @Test("out of triage, an assigned grievance gets its resolution deadline")
    func triageToAssigned() throws {
        let directory = TemporaryDirectory("danvan-deadlines")
        let db = directory.path("d.sqlite")
        let added = try object(try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--topic", "giao-thong",
                                                      "--text", "Đường hỏng nhiều ổ gà", "--received", "07/12/2026", "--db", db]).stdout)
        #expect(added["status"] as? String == "triage" && added["due_resolve"] is NSNull)
        let code = try #require(added["tracking_code"] as? String)
        let assigned = try DanvanProcess.run(["grievance", "transition", code, "--to", "assigned", "--unit", "mttq-bay-hien", "--db", db])
        #expect(assigned.status == 0, "\(assigned.stderr)")
        let g = try object(assigned.stdout)
        let acceptBy = try #require(g["due_accept"] as? String)
        // The fallback policy (phản ánh, kiến nghị): 30 days from the latest day of acceptance.
        #expect(g["due_resolve"] as? String == (try due(from: acceptBy, days: 30)))
    }

    @Test("an assigned grievance registered without routing gets both deadlines when assigned")
    func receivedToAssigned() throws {
        let directory = TemporaryDirectory("danvan-deadlines")
        let db = directory.path("d.sqlite")
        let added = try object(try DanvanProcess.run(["grievance", "add", "--kind", "to-cao", "--name", "Ngô Văn F",
                                                      "--text", "Tố cáo trưởng khu phố thu tiền sai", "--received", "07/12/2026",
                                                      "--no-route", "--db", db]).stdout)
        let code = try #require(added["tracking_code"] as? String)
        // Luật Tố cáo 2018: 7 working days to accept, 30 days to resolve.
        #expect(added["due_accept"] as? String == (try due(from: "2026-12-07", days: 7, working: true)))
        let g = try object(try DanvanProcess.run(["grievance", "transition", code, "--to", "assigned", "--unit", "ubkt-bay-hien",
                                                  "--db", db]).stdout)
        #expect(g["due_resolve"] as? String == (try due(from: try #require(added["due_accept"] as? String), days: 30)))
    }

    @Test("the demo's backdated moves follow the rules: a grievance accepted on a day is due 30 days after it")
    func demoFollowsTheRules() throws {
        let directory = TemporaryDirectory("danvan-deadlines")
        let db = directory.path("demo.sqlite")
        #expect(try DanvanProcess.run(["demo", "--db", db]).status == 0)
        var checked = 0
        for line in try DanvanProcess.run(["grievance", "list", "--db", db]).stdoutLines {
            let g = try object(line)
            let code = try #require(g["tracking_code"] as? String)
            let events = try #require(try object(DanvanProcess.run(["grievance", "show", code, "--db", db]).stdout)["events"]
                as? [[String: Any]])
            guard let accepted = events.last(where: { $0["to_status"] as? String == "accepted" }),
                  let at = accepted["at"] as? String, g["kind"] as? String == "phan-anh",
                  g["status"] as? String != "waiting-for-citizen" else { continue }
            let instant = try #require(ISO8601DateFormatter.withFractionalSeconds.date(from: at))
            let day = ISO8601DateFormatter.vietnamDay.string(from: instant)
            #expect(g["due_resolve"] as? String == (try due(from: day, days: 30)), "\(code)")
            checked += 1
        }
        #expect(checked >= 1)
    }
}

@Suite("Overdue grievances")
struct OverdueCommandTests {
    @Test("list --overdue shows only what is late today; the table marks it; waiting for the citizen is not late")
    func overdueList() throws {
        let directory = TemporaryDirectory("danvan-overdue")
        let db = directory.path("o.sqlite")
        func add(_ received: String, _ text: String) throws -> String {
            let added = try DanvanProcess.run(["grievance", "add", "--kind", "phan-anh", "--topic", "giao-thong", "--text", text,
                                               "--address", "khu phố 2, phường Bảy Hiền, TP.HCM", "--received", received, "--db", db])
            #expect(added.status == 0, "\(added.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])["tracking_code"]
                as? String ?? ""
        }
        let late = try add("01/09/2026", "Ổ gà lớn trước số 12 đường Bạch Đằng")
        _ = try add(ISO8601DateFormatter.vietnamDay.string(from: Date()), "Đèn đường hỏng trước chợ")
        let paused = try add("02/09/2026", "Cống thoát nước bị tắc ở hẻm 45")
        #expect(try DanvanProcess.run(["grievance", "transition", paused, "--to", "accepted", "--db", db]).status == 0)
        #expect(try DanvanProcess.run(["grievance", "transition", paused, "--to", "waiting-for-citizen", "--reason", "bổ sung ảnh",
                                       "--db", db]).status == 0)
        let overdue = try DanvanProcess.run(["grievance", "list", "--overdue", "--db", db])
        #expect(overdue.status == 0)
        #expect(overdue.stdoutLines.count == 1 && overdue.stdout.contains(late) && overdue.stdout.contains("\"overdue\":true"))
        let table = try DanvanProcess.run(["grievance", "list", "--format", "table", "--db", db]).stdoutLines
        #expect(table.first?.contains("QUÁ HẠN") == true)
        #expect(table.filter { $0.contains("quá hạn") }.map { String($0.prefix(11)) } == [late])
    }
}
