import Foundation
import Testing
import TestSupport
@testable import Intake

@Suite("Files held open while importing")
struct FileHandleTests {
    /// Descriptors this process holds open now.
    static func openDescriptors() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
    }

    @Test("thousands of .eml files named in one command hold one descriptor at a time, not one each")
    func manyMessages() throws {
        let directory = TemporaryDirectory()
        let count = 1_500
        var paths: [String] = []
        for index in 0..<count {
            let path = directory.path("thu-\(index).eml")
            let message = "From: An <an@example.vn>\r\nSubject: Cống tắc \(index)\r\nMessage-ID: <\(index)@example.vn>\r\n\r\nNội dung \(index)\r\n"
            try Data(message.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let before = try FileHandleTests.openDescriptors()
        // As `danvan import` does: every source opened before the first is read.
        let sources = try paths.map { try ImportFormat.open(path: $0, format: nil, mapping: .standard, encoding: nil, delimiter: nil) }
        #expect(try FileHandleTests.openDescriptors() - before < 10)
        var subjects = 0
        for source in sources {
            while let item = try source.next() {
                if case let .record(record) = item, record.text.hasPrefix("Cống tắc ") { subjects += 1 }
            }
        }
        #expect(subjects == count)
        #expect(try FileHandleTests.openDescriptors() - before < 10)
    }

    @Test("a sheet opened and read later holds no descriptor in between, and reads on where it stopped")
    func sheetParked() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("so.csv")
        let rows = (1...50_000).map { "Người \($0),Việc số \($0) ở khu phố\n" }.joined()
        try Data(("Họ tên,Nội dung\n" + rows).utf8).write(to: URL(fileURLWithPath: path))
        let before = try FileHandleTests.openDescriptors()
        let source = try SheetSource(path: path)
        #expect(try FileHandleTests.openDescriptors() == before)
        let items = try FixtureFile.items(source)
        #expect(items.count == 50_000)
        if case let .record(last) = items.last { #expect(last.text == "Việc số 50000 ở khu phố") } else { Issue.record("last is not a record") }
        #expect(try FileHandleTests.openDescriptors() == before)
    }
}
