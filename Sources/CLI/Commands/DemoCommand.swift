import Foundation
import Domain
import Storage

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "demo",
        abstract: "Load sample grievances and walk them through their lifecycle, then show them as a table.",
        discussion: "Loads only into a database that holds no grievances yet; otherwise it shows what is there.",
        arguments: [.database])

    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        databasePath = try arguments.required("db")
    }

    func run() throws {
        let store = try CommandContext(databasePath: databasePath).store
        if try store.count() == 0 {
            try load(into: store)
            StandardStreams.printLine("Đã nạp dữ liệu mẫu vào \(databasePath) (sample grievances loaded).\n")
        } else {
            StandardStreams.printLine("\(databasePath) đã có dữ liệu; không nạp thêm (already holds grievances).\n")
        }
        for line in GrievanceTable.render(try store.list()) { StandardStreams.printLine(line) }
    }

    private func load(into store: GrievanceStore) throws {
        let now = Date()
        let day = 86_400.0
        func add(_ kind: Kind, _ text: String, name: String? = nil, daysAgo: Double, channel: Channel = .form,
                 residential: String? = nil) throws -> TrackingCode {
            let draft = GrievanceDraft(kind: kind, channel: channel, text: text, submitter: Submitter(name: name),
                                       receivedAt: now.addingTimeInterval(-daysAgo * day),
                                       place: Place(provinceCode: "79", residential: residential))
            let grievance = try store.add(draft, newCode: CommandContext.newTrackingCode)
            return grievance.trackingCode
        }
        func move(_ code: TrackingCode, _ request: TransitionRequest, daysAgo: Double) throws {
            _ = try store.transition(code, request, at: now.addingTimeInterval(-daysAgo * day), actor: "demo")
        }
        let pothole = try add(.phanAnh, "Đường Lê Văn Sỹ đoạn trước số 245 có ổ gà lớn, xe máy đi qua rất nguy hiểm.",
                              name: "Trần Thị Mai", daysAgo: 9, residential: "Khu phố 6")
        try move(pothole, TransitionRequest(to: .assigned, unit: "ban-ctmt-kp6"), daysAgo: 8)
        try move(pothole, TransitionRequest(to: .transferred, authority: "UBND phường Bảy Hiền"), daysAgo: 7)
        let land = try add(.khieuNai, "Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND vì mức bồi thường chưa thỏa đáng.",
                           name: "Lê Văn Hùng", daysAgo: 6)
        try move(land, TransitionRequest(to: .assigned, unit: "uy-ban-mttq-bay-hien"), daysAgo: 5)
        try move(land, TransitionRequest(to: .accepted), daysAgo: 4)
        try move(land, TransitionRequest(to: .waitingForCitizen, reason: "Đề nghị bổ sung bản sao quyết định thu hồi đất"),
                 daysAgo: 3)
        let karaoke = try add(.phanAnh, "Quán karaoke hát đến 12 giờ đêm, ảnh hưởng giấc ngủ của cả khu phố.",
                              daysAgo: 2, channel: .memberReport, residential: "Khu phố 3")
        try move(karaoke, TransitionRequest(to: .triage), daysAgo: 2)
        let bribe = try add(.toCao, "Tố cáo cán bộ địa chính phường nhận tiền để làm nhanh giấy chứng nhận.",
                            name: "Phạm Quốc Bảo", daysAgo: 1)
        try move(bribe, TransitionRequest(to: .assigned, unit: "uy-ban-kiem-tra-dang-uy-bay-hien"), daysAgo: 1)
        let duplicate = try add(.phanAnh, "Ổ gà trên đường Lê Văn Sỹ gần số 245 chưa được sửa.", daysAgo: 1)
        try move(duplicate, TransitionRequest(to: .merged, mergedInto: pothole), daysAgo: 0.5)
        _ = try add(.yKien, "Góp ý nên mở thêm lớp học tiếng Anh miễn phí cho trẻ em trong khu phố.", daysAgo: 0.2)
    }
}
