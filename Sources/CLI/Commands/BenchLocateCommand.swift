import Locality

struct BenchLocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "locate",
        abstract: "Time loading the gazetteer, then locate calls/s on one thread for ~100-character inputs.",
        arguments: [.option("count", value: "N", help: "locate calls", default: "500000")],
        examples: ["danvan bench locate --count 500000"])

    /// Addresses and sentences of about 100 characters, in the styles citizens use.
    static let inputs = [
        "Tôi ở khu phố 6 phường Bảy Hiền, đường Lê Văn Sỹ có ổ gà lớn chưa được sửa chữa, xe máy rất nguy hiểm",
        "123/4 Lê Văn Sỹ, P.12, Q.Tân Bình, TP.HCM - hẻm bị ngập mỗi khi mưa lớn, đề nghị nạo vét cống thoát nước",
        "nha toi o ap 3 xa binh chanh tphcm bi ngap moi khi mua lon, de nghi chinh quyen xem xet nao vet kenh",
        "Xã Ngũ Hiệp, huyện Thanh Trì, Hà Nội: đường liên thôn xuống cấp nghiêm trọng, nhiều ổ gà, đề nghị sửa",
        "Kính gửi UBND phường Hạnh Thông, gia đình tôi ở khu phố 3 đề nghị lắp thêm đèn chiếu sáng trong hẻm 12",
        "Quán karaoke trên đường Nguyễn Trãi hát đến 12 giờ đêm, ảnh hưởng giấc ngủ của người dân xung quanh",
        "F12 TB, SG - rác thải tập kết ở đầu hẻm 60 không được thu gom nhiều ngày, bốc mùi hôi thối khó chịu",
        "Thôn Đông, xã Phù Đổng, Gia Lâm, Hà Nội: xin hỏi về chế độ trợ cấp cho người có công với cách mạng",
    ]

    let count: Int

    init(_ arguments: ParsedArguments) throws {
        count = try arguments.integer("count", range: 1...50_000_000)!
    }

    func run() throws {
        let loadStart = ResourceUsage.now
        let gazetteer = Gazetteer.shared
        let loadSeconds = ResourceUsage.now - loadStart
        let extractor = LocalityExtractor(gazetteer: gazetteer)
        let inputs = BenchLocateCommand.inputs
        var found = 0
        let start = ResourceUsage.now
        for i in 0..<count where extractor.locate(inputs[i % inputs.count]).commune != nil { found += 1 }
        let seconds = ResourceUsage.now - start
        let characters = inputs.map(\.count).reduce(0, +) / inputs.count
        try JSONLines.print([
            "benchmark": .string("locate"), "gazetteer_load_ms": .double((loadSeconds * 10_000).rounded() / 10),
            "calls": .int(count), "average_input_characters": .int(characters), "with_commune": .int(found),
            "seconds": .double((seconds * 1000).rounded() / 1000), "calls_per_second": .int(Int(Double(count) / seconds)),
            "peak_rss_mib": .double((ResourceUsage.peakResidentMiB * 10).rounded() / 10),
        ] as [String: JSONScalar])
    }
}
