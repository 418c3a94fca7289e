import Foundation
import Testing
@testable import Intake

/// Python's own e-mail test messages (Lib/test/test_email/data, installed with CPython or Debian's
/// libpython3.X-testsuite) read by danvan and by Python's email package (scripts/email-reference.py):
/// subject, sender, date, Message-ID and body text must agree.
@Suite("Differential: Python's email test messages")
struct PythonEmailDifferentialTests {
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func collapse(_ text: String?) -> String? {
        text.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ") }
    }

    /// A multipart without a boundary cannot be split. Python then finds no body at all; danvan
    /// reads the whole body as text, so that a petition sent by a broken mailer is not lost.
    /// These are the only deliberate differences.
    static let multipartWithoutBoundary: Set<String> = ["msg_25.txt", "msg_41.txt"]

    @Test("every message agrees with Python's email package")
    func agree() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = try PythonEmailDifferentialTests.run(["python3", "-c",
            "import os, test.test_email; print(os.path.join(os.path.dirname(test.test_email.__file__), 'data'))"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("msg_") && $0.hasSuffix(".txt") }.sorted().map { "\(directory)/\($0)" }
        try #require(files.count >= 40, "Python's email test messages not found (\(directory)); scripts/ensure-deps installs them")
        let reference = try PythonEmailDifferentialTests.run(["python3", root.appendingPathComponent("scripts/email-reference.py").path] + files)
        let lines = reference.split(separator: "\n")
        #expect(lines.count == files.count)
        var agreed = 0
        for line in lines {
            let python = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = try #require(python["file"] as? String)
            let message = MailMessage(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: file)))[...])
            let name = (file as NSString).lastPathComponent
            var same = true
            func check(_ field: String, _ ours: String?, _ theirs: String?) {
                let a = PythonEmailDifferentialTests.collapse(ours), b = PythonEmailDifferentialTests.collapse(theirs)
                if a != b {
                    same = false
                    Issue.record("\(name) \(field): danvan \(a ?? "nil") ≠ Python \(b ?? "nil")")
                }
            }
            check("subject", message.subject, python["subject"] as? String)
            check("from", message.from, python["from"] as? String)
            check("message_id", message.messageID, python["message_id"] as? String)
            // Python writes a date without zone ("-0000") as local time without an offset.
            let theirDate = python["date"] as? String
            check("date", theirDate.map { $0.count == 19 ? String((message.date?.iso ?? "").prefix(19)) : message.date?.iso ?? "" }
                    ?? message.date?.iso, theirDate)
            if PythonEmailDifferentialTests.multipartWithoutBoundary.contains(name) {
                #expect(python["text"] is NSNull && !message.text.isEmpty, "\(name): Python finds no body, danvan reads it as text")
            } else {
                check("text", message.textFromHTML ? nil : message.text, (python["text"] as? String) ?? (message.textFromHTML ? nil : ""))
            }
            if same { agreed += 1 }
        }
        #expect(agreed == files.count, "\(agreed) of \(files.count) messages agree")
    }
}
