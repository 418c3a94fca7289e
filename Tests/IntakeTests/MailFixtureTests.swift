import Foundation
import Testing
import Intake

/// Messages built with Python's email package (single files, mboxo, mboxrd, a Maildir), compared
/// with what Python reads from them.
@Suite("E-mail written by Python's email package")
struct MailFixtureTests {
    /// Every message of the fixture folder, by "file#index".
    static func parsedMessages() throws -> [String: IntakeItem] {
        var byKey: [String: IntakeItem] = [:]
        let base = try FixtureFile.url("mail")
        let emls = try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("eml").path).sorted()
        var sources: [(String, any RecordSource)] = []
        for name in emls { sources.append(("eml/\(name)", try EmlSource(path: base.appendingPathComponent("eml/\(name)").path))) }
        for name in ["mboxo.mbox", "mboxrd.mbox"] {
            sources.append(("mbox/\(name)", try MboxSource(path: base.appendingPathComponent("mbox/\(name)").path)))
        }
        for (relative, source) in sources {
            for (index, item) in try FixtureFile.items(source).enumerated() { byKey["\(relative)#\(index + 1)"] = item }
        }
        let maildir = try MaildirSource(path: base.appendingPathComponent("maildir").path)
        for item in try FixtureFile.items(maildir) {
            let source: String = switch item {
            case let .record(record): record.source
            case let .rejected(rejection): rejection.source
            }
            let relative = source.components(separatedBy: "/maildir/").last ?? source
            byKey["maildir/\(relative)#1"] = item
        }
        return byKey
    }

    @Test("subject, sender, date, Message-ID, text and attachments of every message")
    func messages() throws {
        let parsed = try MailFixtureTests.parsedMessages()
        let expected = try FixtureFile.jsonLines("mail/expected.jsonl")
        #expect(parsed.count == expected.count, "parsed \(parsed.count) messages, expected \(expected.count)")
        for want in expected {
            let key = "\(want["file"] as! String)#\(want["index"] as! Int)"
            guard case let .record(record)? = parsed[key], case let .mail(message) = record.origin else {
                Issue.record("\(key): not parsed as a message")
                continue
            }
            #expect(message.messageID == want["message_id"] as? String, "\(key)")
            #expect(message.subject == want["subject"] as? String, "\(key)")
            #expect(message.from == want["from"] as? String, "\(key)")
            #expect(message.date?.iso == want["date"] as? String, "\(key)")
            if let text = want["text"] as? String {
                #expect(message.text == text, "\(key)")
            }
            for phrase in want["text_contains"] as? [String] ?? [] {
                #expect(message.text.contains(phrase), "\(key): '\(phrase)' missing from \(message.text)")
            }
            let attachments = want["attachments"] as? [[String: Any]] ?? []
            #expect(message.attachments.count == attachments.count, "\(key)")
            for (got, file) in zip(message.attachments, attachments) {
                #expect(got.name == file["name"] as? String, "\(key)")
                #expect(got.type == file["type"] as? String, "\(key)")
                #expect(got.size == file["size"] as? Int, "\(key)")
                #expect(got.sha256 == file["sha256"] as? String, "\(key)")
            }
            let inReplyTo = want["in_reply_to"] as? String
            #expect(message.inReplyTo.first == inReplyTo.map { $0.trimmingCharacters(in: .whitespaces) }, "\(key)")
            #expect(record.trackingCode?.value == want["tracking_code"] as? String, "\(key)")
        }
    }
}
