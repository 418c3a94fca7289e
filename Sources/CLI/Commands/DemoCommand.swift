import Foundation
import Intake
import Domain
import Routing
import Storage
import Casework

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "demo",
        abstract: "Ghi nhận các đơn mẫu theo quy tắc của danh bạ mẫu, chuyển trạng thái một số đơn, in thành bảng. (Register sample grievances through the demo directory's rules, move some along, show them as a table.)",
        discussion: """
            Each sample is located, routed by routing-rules/ (lead unit, status, legal deadlines) and stored \
            with its events, as 'grievance add' does. Loads only into a database that holds no grievances \
            yet; otherwise it shows what is there.
            """,
        arguments: [.rulesDirectory, .database])

    let databasePath: String
    let rulesDirectory: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        databasePath = try arguments.required("db")
        rulesDirectory = try arguments.required("rules")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, creating: true, book: book, as: asLogin)
        let store = GrievanceStore(database: casework.database)
        if try store.count() == 0 {
            let routing = try GrievanceRouting(book: book, classifier: nil, office: "mttq-tphcm")
            try load(into: casework, as: principal, routing: routing)
            StandardStreams.printLine("Đã nạp dữ liệu mẫu vào \(databasePath) (sample grievances loaded and routed).\n")
        } else {
            StandardStreams.printLine("\(databasePath) đã có dữ liệu; không nạp thêm (already holds grievances).\n")
        }
        for line in GrievanceTable.render(try casework.list(GrievanceFilter(), as: principal, at: Date()),
                                          unitNames: book.directory.units.mapValues(\.name)) {
            StandardStreams.printLine(line)
        }
    }

    /// The samples go through the same steps as real commands (Casework): routed when received, and
    /// every later move counted by the rules' clock on the day it is dated.
    private func load(into casework: Casework, as principal: Principal, routing: GrievanceRouting) throws {
        let now = Date()
        let day = 86_400.0
        func add(_ kind: Kind, _ topic: String, _ text: String, name: String? = nil, address: String?, daysAgo: Double,
                 channel: Channel = .form) throws -> TrackingCode {
            var draft = GrievanceDraft(kind: kind, channel: channel, text: text, submitter: Submitter(name: name, address: address),
                                       receivedAt: now.addingTimeInterval(-daysAgo * day))
            draft.office = routing.office
            let assignment = try routing.route(&draft, topic: topic)
            return try casework.register(draft, routing: assignment, receivedDetails: [:], as: principal, at: draft.receivedAt)
                .trackingCode
        }
        func move(_ code: TrackingCode, _ request: TransitionRequest, daysAgo: Double) throws {
            _ = try casework.transition(code, request, as: principal, at: now.addingTimeInterval(-daysAgo * day))
        }
        let pothole = try add(.phanAnh, "giao-thong", "Đường Lê Văn Sỹ đoạn trước số 245 có ổ gà lớn, xe máy đi qua rất nguy hiểm.",
                              name: "Trần Thị Mai", address: "khu phố 2, phường Bảy Hiền, TP.HCM", daysAgo: 9)
        try move(pothole, TransitionRequest(to: .accepted), daysAgo: 8)
        try move(pothole, TransitionRequest(to: .inProgress), daysAgo: 7)
        let land = try add(.khieuNai, "dat-dai", "Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND vì mức bồi thường chưa thỏa đáng.",
                           name: "Lê Văn Hùng", address: "khu phố 3, phường Hạnh Thông, TP.HCM", daysAgo: 6)
        try move(land, TransitionRequest(to: .assigned, unit: "mttq-hanh-thong"), daysAgo: 5)
        try move(land, TransitionRequest(to: .accepted), daysAgo: 4)
        try move(land, TransitionRequest(to: .waitingForCitizen, reason: "Đề nghị bổ sung bản sao quyết định thu hồi đất"),
                 daysAgo: 3)
        _ = try add(.phanAnh, "moi-truong", "Quán karaoke hát đến 12 giờ đêm, ảnh hưởng giấc ngủ của cả khu phố.",
                    address: "khu phố 1, phường Bảy Hiền", daysAgo: 2, channel: .memberReport)
        _ = try add(.toCao, "can-bo-tham-nhung", "Tố cáo cán bộ địa chính phường nhận tiền để làm nhanh giấy chứng nhận.",
                    name: "Phạm Quốc Bảo", address: "phường Bảy Hiền, TP.HCM", daysAgo: 1)
        let duplicate = try add(.phanAnh, "giao-thong", "Ổ gà trên đường Lê Văn Sỹ gần số 245 chưa được sửa.",
                                address: "khu phố 2, phường Bảy Hiền", daysAgo: 1)
        try move(duplicate, TransitionRequest(to: .merged, mergedInto: pothole), daysAgo: 0.5)
        _ = try add(.yKien, "giao-duc", "Góp ý nên mở thêm lớp học tiếng Anh miễn phí cho trẻ em trong khu phố.",
                    address: "phường Hạnh Thông", daysAgo: 0.2)
        _ = try add(.phanAnh, "giao-thong", "Đèn đường trước nhà tôi hỏng ba tuần nay.", address: nil, daysAgo: 0.1)
    }
}
