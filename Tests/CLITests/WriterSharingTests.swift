import Foundation
import Testing
import TestSupport

/// A long import lets other writers in between its batches: a registrar's `grievance add` in
/// another process waits about one batch, not the whole import.
@Suite("A long import shares the database")
struct WriterSharingTests {
    static func sheet(rows: Int, at path: String) throws {
        var text = "STT,Họ và tên,Địa chỉ,Nội dung,Ngày nhận,Loại đơn\n"
        for row in 1...rows {
            text += "\(row),Người gửi \(row),\"Khu phố \(row % 9 + 1), phường Bảy Hiền, TP.HCM\","
                + "Đường trước số \(row) bị ngập khi mưa lớn,01/11/2026,Phản ánh\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// When each batch was committed, from the importer's --log-batches lines.
    final class Commits: @unchecked Sendable {
        private let lock = NSLock()
        private var times: [Date] = []
        func add() { lock.lock(); times.append(Date()); lock.unlock() }
        var all: [Date] { lock.lock(); defer { lock.unlock() }; return times }
        /// The longest time between two commits.
        var longestBatch: TimeInterval { zip(all, all.dropFirst()).map { $1.timeIntervalSince($0) }.max() ?? 0 }
    }

    @Test("another process's grievance add during an import waits about one batch")
    func addDuringImport() throws {
        let directory = TemporaryDirectory("danvan-sharing")
        let db = directory.path("s.sqlite")
        let sheet = directory.path("big.csv")
        try WriterSharingTests.sheet(rows: 40_000, at: sheet)
        let add = ["grievance", "add", "--kind", "phan-anh", "--text", "Đèn đường hỏng", "--no-route"]
        let importer = try InteractiveProcess(["import", sheet, "--batch", "4000", "--log-batches", "--db", db], timeout: 600)
        let commits = Commits()
        let reader = Thread {
            while importer.waitForError(containing: "committed") != nil { commits.add() }
        }
        reader.start()
        while commits.all.count < 2 { Thread.sleep(forTimeInterval: 0.05) }
        // What an add costs under the same load, on a database of its own, then on the importer's.
        let alone = Date()
        #expect(try DanvanProcess.run(add + ["--db", directory.path("alone.sqlite")]).status == 0)
        let baseline = Date().timeIntervalSince(alone)
        let start = Date()
        let added = try DanvanProcess.run(add + ["--db", db])
        let waited = Date().timeIntervalSince(start) - baseline
        let stillImporting = importer.process.isRunning
        #expect(added.status == 0, "\(added.stderr)")
        #expect(importer.finish() == 0)
        #expect(stillImporting, "the import ended before the add: the sheet is too small to show anything")
        // Waiting for the whole import would take many batches; one batch, with slack for a machine
        // busy with other tests, is the bound.
        let batch = commits.longestBatch
        #expect(commits.all.count >= 5)
        #expect(waited < batch * 2 + 2, "waited \(waited) s beyond its own \(baseline) s; the longest batch took \(batch) s")
    }
}
