import Testing
import TestSupport

/// What a person or a script learns from asking: an unknown command is an error, never the
/// help of the group above it with exit 0.
@Suite("danvan help")
struct HelpTests {
    @Test("an unknown command is a usage error, with or without help", arguments: [
        ["help", "nonexist"], ["nonexist", "--help"], ["grievance", "nope"], ["grievance", "help", "nope"], ["nonexist"],
    ])
    func unknownCommand(_ arguments: [String]) throws {
        let result = try DanvanProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("không có lệnh 'no"), "\(result.stderr)")
    }

    @Test("a command the contract promises and this version lacks says so", arguments: ["report", "tick", "backup"])
    func notBuiltYet(_ name: String) throws {
        let result = try DanvanProcess.run([name, "--help"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("lệnh 'danvan \(name)' có trong giao diện dự kiến nhưng chưa được xây dựng"))
    }

    @Test("--version prints the version line")
    func version() throws {
        let flag = try DanvanProcess.run(["--version"])
        let command = try DanvanProcess.run(["version"])
        #expect(flag.status == 0 && flag.stdout == command.stdout)
        #expect(flag.stdout.hasPrefix("danvan "))
    }

    @Test("help of a known command exits 0, in Vietnamese first")
    func knownHelp() throws {
        let result = try DanvanProcess.run(["help", "grievance", "add"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--text <TEXT>             nội dung công dân viết hoặc trình bày"))
        #expect(result.stdout.hasPrefix("MÔ TẢ: Ghi nhận một đơn"))
    }

    @Test("a missing rules directory is told in Vietnamese")
    func missingRules() throws {
        let result = try DanvanProcess.run(["rules", "check", "/nonexistent-rules"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("không có thư mục quy tắc") || result.stderr.contains("không có thư mục quy tắc"))
    }
}
