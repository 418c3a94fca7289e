import Foundation
import Testing
import TestSupport

@Suite("danvan route reloads its rules")
struct RouteReloadTests {
    static let repositoryRules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("routing-rules")
    static let line = #"{"id":"a","text":"Rác ở đầu hẻm","kind":"phan-anh","topic":"moi-truong","confidence":0.9,"province":"79","commune":"26983","residential":"Khu phố 1"}"#

    func decision(_ process: InteractiveProcess) throws -> [String: Any] {
        let line = try #require(process.readLine())
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    func copyRules(into directory: TemporaryDirectory) throws -> String {
        let rules = directory.path("routing-rules")
        try FileManager.default.copyItem(atPath: RouteReloadTests.repositoryRules.path, toPath: rules)
        return rules
    }

    @Test("SIGHUP: a bad edit keeps the rules in force and says why; a good edit takes over; no line is lost")
    func reloadOnSignal() throws {
        let directory = TemporaryDirectory("danvan-reload")
        let rules = try copyRules(into: directory)
        let file = rules + "/rules/default.rules"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let process = try InteractiveProcess(["route", "--rules", rules, "--reload-interval", "0"])

        process.send(RouteReloadTests.line)
        let first = try decision(process)
        let version = try #require(first["rules_version"] as? String)
        #expect(first["rule"] as? String == "R20")

        try (original + "\nrule BAD\n  lead: nowhere\n").write(toFile: file, atomically: true, encoding: .utf8)
        process.signal(SIGHUP)
        #expect(process.waitForError(containing: "rules NOT reloaded (SIGHUP)") != nil)
        let problem = process.waitForError(containing: "default.rules:")
        #expect(problem?.contains("rule BAD has no priority") == true)
        process.send(RouteReloadTests.line)
        let second = try decision(process)
        #expect(second["rules_version"] as? String == version)
        #expect(second["rule"] as? String == "R20")

        let edited = original.replacingOccurrences(of: "title: Môi trường, hạ tầng, an ninh ở khu dân cư",
                                                   with: "title: Môi trường ở khu dân cư (đã sửa)")
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        process.signal(SIGHUP)
        #expect(process.waitForError(containing: "rules reloaded (SIGHUP)") != nil)
        process.send(RouteReloadTests.line)
        let third = try decision(process)
        #expect(third["rules_version"] as? String != version)
        #expect((third["explanation"] as? String)?.contains("(đã sửa)") == true)
        #expect(process.finish() == 0)
    }

    @Test("a changed file is picked up without a signal")
    func reloadOnChange() throws {
        let directory = TemporaryDirectory("danvan-reload")
        let rules = try copyRules(into: directory)
        let process = try InteractiveProcess(["route", "--rules", rules, "--reload-interval", "1"])
        process.send(RouteReloadTests.line)
        let version = try decision(process)["rules_version"] as? String
        let file = rules + "/rules/default.rules"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try (original + "\n# một dòng chú thích mới\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(process.waitForError(containing: "rules reloaded (files changed)") != nil)
        process.send(RouteReloadTests.line)
        #expect(try decision(process)["rules_version"] as? String != version)
        #expect(process.finish() == 0)
    }
}
