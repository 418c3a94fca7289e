import Foundation
import Testing
import Storage
import TestSupport

@Suite("Crash safety")
struct CrashTests {
    /// A child inserts 10,000 grievances in batches of 100 and reports each commit; it is killed
    /// with SIGKILL mid-way. The file must open cleanly and hold exactly whole batches, at least
    /// every batch the child reported.
    @Test("kill -9 during batched inserts leaves exactly the committed batches", arguments: [1_500, 4_000, 6_500])
    func killDuringInserts(killAfter: Int) throws {
        let directory = TemporaryDirectory("danvan-crash")
        let path = directory.path("crash.sqlite")
        let batch = 100
        let process = Process()
        process.executableURL = DanvanProcess.executable
        process.arguments = ["bench", "store", "--count", "10000", "--batch", String(batch), "--db", path, "--progress"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        var reported = 0
        var pending = Data()
        let reader = output.fileHandleForReading
        readLoop: while reported < killAfter {
            let chunk = reader.availableData
            if chunk.isEmpty { break }  // the child ended before we could kill it
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                if line.hasPrefix("committed "), let n = Int(line.dropFirst(10)) { reported = n }
                if reported >= killAfter {
                    kill(process.processIdentifier, SIGKILL)
                    break readLoop
                }
            }
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the child finished before it could be killed")

        let database = try Database(path: path)
        let integrity = try database.read { try $0.queryOne("PRAGMA integrity_check")?.string("integrity_check") }
        #expect(integrity == "ok")
        let grievances = try database.count("grievances")
        let events = try database.count("grievance_events")
        #expect(grievances % batch == 0, "a partial batch survived: \(grievances) rows")
        #expect(grievances >= reported, "a reported commit was lost: \(grievances) < \(reported)")
        #expect(grievances < 10_000)
        #expect(events == grievances)
    }
}
