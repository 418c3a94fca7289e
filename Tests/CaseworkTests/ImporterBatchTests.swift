import Foundation
@testable import Casework
import Testing
import TestSupport
import Domain
import Storage
import Routing
import Classifier
import Intake

/// How many records an import commits at a time: `--batch` when given, else a number that grows
/// with the database (a large database's random-order indexes are rewritten at every commit).
@Suite("Import: batch size")
struct ImporterBatchTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("the limit is the minimum, or a tenth of the grievances stored, up to the maximum")
    func limits() {
        #expect(Importer.batchLimit(minimum: 20_000, grows: false, stored: 5_000_000) == 20_000)
        #expect(Importer.batchLimit(minimum: 20_000, grows: true, stored: 0) == 20_000)
        #expect(Importer.batchLimit(minimum: 20_000, grows: true, stored: 199_999) == 20_000)
        #expect(Importer.batchLimit(minimum: 20_000, grows: true, stored: 500_000) == 50_000)
        #expect(Importer.batchLimit(minimum: 20_000, grows: true, stored: 5_000_000) == Importer.maximumBatchSize)
        #expect(Importer.batchLimit(minimum: 10, grows: true, stored: 1_210) == 121)
    }

    /// A sheet of `rows` distinct petitions, numbered from `first`.
    func sheet(_ rows: Range<Int>, in directory: TemporaryDirectory, name: String) throws -> String {
        var text = "Số hồ sơ,Họ và tên,Địa chỉ,Nội dung,Ngày nhận\n"
        for i in rows {
            text += "HS-\(i),Trần Văn \(i),\"khu phố \(i % 9 + 1), phường Bảy Hiền\",Rác thải chưa được thu gom (lần \(i)),\(i % 28 + 1)/11/2026\n"
        }
        let path = directory.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The running number of grievances imported at each commit.
    func commits(importing path: String, into database: Database, batch: Int, grows: Bool) throws -> [Int] {
        let book = try RuleBookLoader.load(directory: ImporterBatchTests.root.appendingPathComponent("routing-rules").path)
        let classifier = try ModelFile.read(path: ImporterBatchTests.root.appendingPathComponent("routing-rules/model/classifier.tsv").path)
        var imported: [Int] = []
        let importer = Importer(database: database, routing: try GrievanceRouting(book: book, classifier: classifier, office: nil),
                                batchSize: batch, growsBatches: grows, threads: 1,
                                newCode: {
                                    var random = SystemRandomNumberGenerator()
                                    return TrackingCode.random(using: &random)
                                },
                                committed: { imported.append($0.imported) })
        let summary = try importer.run([try SheetSource(path: path)])
        #expect(summary.imported == imported.last)
        return imported
    }

    @Test("a given batch size is kept; a growing one follows the grievances the file holds")
    func growsWithTheFile() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.path("grow.sqlite"))
        // 1,000 grievances already stored, in one transaction.
        let first = try sheet(0..<1000, in: directory, name: "first.csv")
        #expect(try commits(importing: first, into: database, batch: 1000, grows: false) == [1000])
        // 300 more, at least 10 a batch: a tenth of the file is 100, then 110 after the first commit.
        let grown = try sheet(1000..<1300, in: directory, name: "grown.csv")
        #expect(try commits(importing: grown, into: database, batch: 10, grows: true) == [100, 210, 300])
        // The same size given exactly: every 10 records.
        let exact = try sheet(1300..<1400, in: directory, name: "exact.csv")
        #expect(try commits(importing: exact, into: database, batch: 10, grows: false) == Array(stride(from: 10, through: 100, by: 10)))
    }
}
