import Foundation
import Testing
import TestSupport
@testable import Intake

/// Linux tells which files a process holds open in /proc/self/fd.
@Suite("Files held open while importing", .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
struct FileHandleTests {
    /// Descriptors this process holds open on files in `directory` (tests running at the same
    /// time open files elsewhere, so only these are counted).
    static func openDescriptors(in directory: TemporaryDirectory) throws -> Int {
        let prefix = URL(fileURLWithPath: directory.path("x")).resolvingSymlinksInPath().deletingLastPathComponent().path
        return try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { fd in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"))?.hasPrefix(prefix + "/") ?? false
        }.count
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
        // As `danvan import` does: every source opened before the first is read.
        let sources = try paths.map { try ImportFormat.open(path: $0, format: nil, mapping: .standard, encoding: nil, delimiter: nil) }
        #expect(try FileHandleTests.openDescriptors(in: directory) == 0)
        var subjects = 0
        for source in sources {
            while let item = try source.next() {
                if case let .record(record) = item, record.text.hasPrefix("Cống tắc ") { subjects += 1 }
            }
        }
        #expect(subjects == count)
        #expect(try FileHandleTests.openDescriptors(in: directory) == 0)
    }

    @Test("a sheet opened and read later holds no descriptor in between, and reads on where it stopped")
    func sheetParked() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("so.csv")
        let rows = (1...50_000).map { "Người \($0),Việc số \($0) ở khu phố\n" }.joined()
        try Data(("Họ tên,Nội dung\n" + rows).utf8).write(to: URL(fileURLWithPath: path))
        let source = try SheetSource(path: path)
        #expect(try FileHandleTests.openDescriptors(in: directory) == 0)
        let items = try FixtureFile.items(source)
        #expect(items.count == 50_000)
        if case let .record(last) = items.last { #expect(last.text == "Việc số 50000 ở khu phố") } else { Issue.record("last is not a record") }
        #expect(try FileHandleTests.openDescriptors(in: directory) == 0)
    }

    @Test("a sheet replaced or cut while waiting its turn stops with a message, not with rows spliced from two files")
    func replacedOrCut() throws {
        let directory = TemporaryDirectory()
        let rows = (1...60_000).map { "Người \($0),Việc số \($0) ở khu phố\n" }.joined()
        let path = directory.path("so.csv")
        try Data(("Họ tên,Nội dung\n" + rows).utf8).write(to: URL(fileURLWithPath: path))
        let replaced = try SheetSource(path: path)
        // Saved again by an editor: a new file written beside it, then renamed over it.
        try Data(("Họ tên,Nội dung\n" + rows).utf8).write(to: URL(fileURLWithPath: path + ".new"))
        #expect(rename(path + ".new", path) == 0)
        #expect { try FixtureFile.items(replaced) } throws: { "\($0)".contains("tệp đã bị thay bằng tệp khác") }
        let cut = try SheetSource(path: path)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1_200_000)
        try handle.close()
        #expect { try FixtureFile.items(cut) } throws: { "\($0)".contains("tệp bị cắt ngắn") }
    }
}
