import Foundation
import Testing
import TestSupport

/// A long import lets other writers in between its batches: a registrar's `grievance add` in
/// another process waits at most about one batch, not the whole import.
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

    @Test("another process's grievance add during an import finishes within about one batch")
    func addDuringImport() throws {
        let directory = TemporaryDirectory("danvan-sharing")
        let db = directory.path("s.sqlite")
        let sheet = directory.path("big.csv")
        try WriterSharingTests.sheet(rows: 40_000, at: sheet)
        let add = ["grievance", "add", "--kind", "phan-anh", "--text", "Đèn đường hỏng", "--no-route"]
        // What an add costs alone (start-up, rules, model), on a database of its own.
        let alone = Date()
        #expect(try DanvanProcess.run(add + ["--db", directory.path("alone.sqlite")]).status == 0)
        let baseline = Date().timeIntervalSince(alone)

        let importer = try InteractiveProcess(["import", sheet, "--batch", "4000", "--log-batches", "--db", db], timeout: 600)
        #expect(importer.waitForError(containing: "committed") != nil)
        let first = Date()
        #expect(importer.waitForError(containing: "committed") != nil)
        let batch = Date().timeIntervalSince(first)
        let start = Date()
        let added = try DanvanProcess.run(add + ["--db", db])
        let waited = Date().timeIntervalSince(start) - baseline
        let stillImporting = importer.process.isRunning
        #expect(added.status == 0, "\(added.stderr)")
        #expect(importer.finish() == 0)
        // The add overlapped the import, and waited no longer than a batch (with slack for a loaded machine).
        #expect(stillImporting, "the import ended before the add: the sheet is too small to show anything")
        #expect(waited < batch * 1.5 + 1.0, "waited \(waited) s beyond its own \(baseline) s; a batch took \(batch) s")
    }
}
