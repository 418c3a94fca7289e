import Foundation
import Domain
import Storage

struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "store",
        abstract: "Insert many grievances with their events in batched transactions; print rows/s and peak memory.",
        discussion: """
            Each grievance gets a random tracking code and its "received" event, so one grievance is two \
            rows. With --progress a line "committed N" is printed after each commit (the crash test reads \
            these to know what must survive a kill -9).
            """,
        arguments: [
            .option("count", value: "N", help: "grievances to insert", default: "1000000"),
            .option("batch", value: "N", help: "grievances per transaction", default: "1000"),
            .option("db", value: "PATH", help: "database file; it is replaced unless --append", default: "var/bench-store.sqlite"),
            .flag("append", help: "add to an existing database instead of starting from an empty one"),
            .flag("progress", help: "print \"committed N\" after each transaction"),
        ],
        examples: ["danvan bench store --count 1000000 --batch 1000"])

    let count: Int
    let batch: Int
    let path: String
    let append: Bool
    let progress: Bool

    init(_ arguments: ParsedArguments) throws {
        count = try arguments.integer("count", range: 1...100_000_000)!
        batch = try arguments.integer("batch", range: 1...1_000_000)!
        path = try arguments.required("db")
        append = arguments.flag("append")
        progress = arguments.flag("progress")
    }

    func run() throws {
        if !append {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let database = try Database(path: path)
        let samples = BenchStoreCommand.sampleTexts
        let start = ResourceUsage.now
        let base = Date()
        var inserted = 0
        while inserted < count {
            let size = min(batch, count - inserted)
            let first = inserted
            try database.write { connection in
                for i in first..<first + size {
                    let draft = GrievanceDraft(
                        kind: Kind.allCases[i % Kind.allCases.count], channel: Channel.allCases[i % Channel.allCases.count],
                        text: "\(samples[i % samples.count]) (số \(i))",
                        submitter: Submitter(name: i % 3 == 0 ? nil : "Nguyễn Văn \(i)", phone: "09\(10_000_000 + i % 89_999_999)"),
                        receivedAt: base.addingTimeInterval(Double(i)))
                    _ = try GrievanceStore.insertNew(draft, newCode: CommandContext.newTrackingCode, in: connection)
                }
            }
            inserted += size
            if progress {
                StandardStreams.printLine("committed \(inserted)")
                StandardStreams.flush()
            }
        }
        let seconds = ResourceUsage.now - start
        try JSONLines.print([
            "benchmark": .string("store"), "grievances": .int(count), "events": .int(count), "batch": .int(batch),
            "seconds": .double((seconds * 1000).rounded() / 1000),
            "grievances_per_second": .int(Int(Double(count) / seconds)),
            "rows_per_second": .int(Int(Double(2 * count) / seconds)),
            "peak_rss_mib": .double((ResourceUsage.peakResidentMiB * 10).rounded() / 10),
            "database": .string(path),
        ] as [String: JSONScalar])
    }

    /// Everyday grievances, as registrars type them.
    static let sampleTexts = [
        "Đường Lê Văn Sỹ đoạn trước số 245 có ổ gà lớn, xe máy đi qua rất nguy hiểm",
        "Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND, mức bồi thường không thỏa đáng",
        "Đề nghị lắp thêm đèn đường ở hẻm 12 Nguyễn Trãi, buổi tối rất tối",
        "Quán karaoke hát đến 12 giờ đêm, ảnh hưởng giấc ngủ của cả khu phố",
        "Tố cáo cán bộ địa chính phường nhận tiền để làm nhanh sổ đỏ",
        "Nước sinh hoạt có mùi lạ và màu vàng đã ba ngày nay",
        "Góp ý nên mở thêm lớp học tiếng Anh miễn phí cho trẻ em trong khu phố",
        "Rác thải tập kết ở đầu hẻm không được thu gom, bốc mùi hôi thối",
        "Gia đình tôi thuộc hộ nghèo nhưng chưa được nhận trợ cấp tháng này",
        "Nhà bên cạnh xây dựng lấn chiếm lối đi chung, đã báo tổ trưởng nhưng chưa giải quyết",
    ]
}
