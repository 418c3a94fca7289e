import Presentation
import Foundation
import Domain
import Classifier
import Intake
import Routing
import VietText
import Casework

struct GrievanceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "add",
        abstract: "Ghi nhận một đơn, chuyển xử lý theo quy tắc, in JSON kèm mã đơn. (Register a grievance, route it, and print it as JSON with its tracking code.)",
        discussion: """
            Nơi chốn được tìm trong địa chỉ (hoặc nội dung) nếu không có --province/--commune; chủ đề do hệ \
            thống gợi ý nếu không có --topic; quy tắc trong --rules quyết định đơn vị chủ trì, trạng thái và \
            thời hạn, sự kiện ghi lại quy tắc và lý do. Với --no-route đơn chỉ được ghi nhận (received), vẫn \
            có nơi chốn và hạn thụ lý. Dữ liệu sai thoát với mã 1, một dòng nêu trường sai, không ghi gì.
            (The place is found in the address, or the text, unless --province/--commune are given; the topic \
            is suggested unless --topic is given; the rules then decide the lead unit, the status and the \
            deadlines, and the event records the rule and why. With --no-route it is only registered, with \
            its place and acceptance deadline. Text is stored in NFC without control characters (the text \
            keeps line ends and tabs; the received event says what was removed). Bad input (empty text, an \
            unknown kind, text over \(GrievanceDraft.maximumTextLength) characters, a name over \(FieldLimits.name), \
            an address over \(FieldLimits.address), a phone over \(FieldLimits.phone), an e-mail over \
            \(FieldLimits.email), a --received more than a day ahead, bytes that are not UTF-8) exits 1 with \
            one line naming the field, and nothing is written.)
            """,
        arguments: [
            .option("kind", value: "KIND", help: "loại đơn (kind): phan-anh | kien-nghi | khieu-nai | to-cao | y-kien", required: true),
            .option("text", value: "TEXT", help: "nội dung công dân viết hoặc trình bày (what the citizen wrote or said)", required: true),
            .option("name", value: "NAME", help: "họ tên công dân, bắt buộc với tố cáo (the citizen's name; required for to-cao)"),
            .option("address", value: "ADDRESS", help: "địa chỉ công dân (the citizen's address)"),
            .option("phone", value: "PHONE", help: "số điện thoại (the citizen's phone number)"),
            .option("email", value: "EMAIL", help: "thư điện tử (the citizen's e-mail address)"),
            .flag("confidential", help: "bảo mật danh tính người gửi, luôn bật với tố cáo (keep the submitter's identity confidential; always on for to-cao)"),
            .option("channel", value: "CHANNEL", help: "kênh tiếp nhận (channel): " + Channel.allCodes, default: "form"),
            .option("received", value: "TIME", help: "ngày nhận dd/mm/yyyy hoặc thời điểm ISO 8601, muộn nhất là ngày mai, mặc định là lúc này (when it was received, at most a day ahead; default: now)"),
            .option("province", value: "CODE", help: "mã tỉnh/thành phố theo danh mục Thống kê, nếu biết (province code, NSO)"),
            .option("commune", value: "CODE", help: "mã xã/phường/đặc khu theo danh mục Thống kê, nếu biết (commune code, NSO)"),
            .option("residential", value: "NAME", help: "khu dân cư, ví dụ \"Khu phố 6\" (residential area)"),
            .option("topic", value: "TOPIC", help: "chủ đề, khi cán bộ đã biết; nếu không, hệ thống gợi ý (the topic; otherwise the classifier suggests one)"),
            .option("office", value: "UNIT", help: "đơn vị tiếp nhận, nơi nhận những đơn không quy tắc nào xếp được (the registering office, whose triage queue takes what no rule places)"),
            .flag("no-route", help: "chỉ ghi nhận, để cán bộ phân loại và chuyển xử lý sau (only register it; leave classification and routing to a person)"),
            .option("model", value: "FILE", help: "mô hình phân loại (classifier model)", default: "routing-rules/model/classifier.tsv"),
            .rulesDirectory,
            .database,
        ],
        examples: [
            "danvan grievance add --kind phan-anh --text \"Đường Lê Văn Sỹ có ổ gà lớn\"",
            "danvan grievance add --kind to-cao --name \"Nguyễn Văn A\" --text \"Tố cáo cán bộ địa chính nhận tiền\"",
        ])

    let draft: GrievanceDraft
    /// Per field, the control characters removed from what was typed.
    let databasePath: String
    let topic: String?
    let office: String?
    let route: Bool
    let modelPath: String
    let rulesDirectory: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        let kind = try arguments.value("kind", accepted: Kind.allCodes, Kind.init(code:))!
        let channel = try arguments.value("channel", accepted: Channel.allCodes, Channel.init(rawValue:))!
        // Text fields are stored in NFC: the same words must compare equal, whatever keyboard typed them.
        // Only spaces is nothing: "   " is no name, so it cannot pass the anonymous tố cáo check.
        func text(_ name: String) throws(FieldError) -> String? {
            try arguments.string(name).map(VietText.normalize).flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        }
        let received: Date
        if let value = try arguments.string("received") {
            // An ISO 8601 instant, or the day as staff write it (midnight in Vietnam).
            guard let date = Timestamp.parse(value) ?? LocalDate(typed: value).map(\.startInVietnam),
                  LocalDate(date).isPlausible else {
                throw FieldError(field: "received", message: "'\(value)' không phải thời điểm hợp lệ: ghi ngày dd/mm/yyyy "
                    + "hoặc thời điểm ISO 8601 như 2026-11-23T09:30:00+07:00 (\(LocalDate.plausibleYearsText))")
            }
            received = date
        } else {
            received = Date()
        }
        var draft = GrievanceDraft(
            kind: kind, channel: channel, text: try text("text") ?? "",
            submitter: Submitter(name: try text("name"), address: try text("address"), phone: try text("phone"),
                                 email: try text("email"), confidential: arguments.flag("confidential")),
            receivedAt: received,
            place: PlaceCheck.completed(Place(provinceCode: try text("province"), communeCode: try text("commune"),
                                              residential: try text("residential"))))
        self.draft = draft
        databasePath = try arguments.required("db")
        topic = try arguments.string("topic")
        office = try arguments.string("office")
        route = !arguments.flag("no-route")
        modelPath = try arguments.required("model")
        rulesDirectory = try arguments.required("rules")
        asLogin = try arguments.string("as")
    }

    func validate() throws {
        _ = try Casework.checked(draft, topic: topic, route: route, at: Date())
    }

    func run() throws {
        // Rules and model are read before anything is written: a bad rules file stores nothing.
        // Without routing the rules still give the calendar and the acceptance limit. The model
        // also serves to point out a text that reads as a denunciation under another kind.
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        let needsModel = (route && topic == nil) || draft.kind != .toCao
        let routing = try GrievanceRouting(book: book, classifier: needsModel ? try ModelFile.read(path: modelPath) : nil,
                                           office: office)
        // Refused before the database is opened (or made): bad input writes nothing.
        if let topic, route { try routing.checkTopic(topic) }
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, creating: true, book: book, as: asLogin)
        let registration = try casework.register(draft, topic: topic, route: route, routing: routing, as: principal, at: Date())
        StandardStreams.printLine(GrievanceJSON(grievance: registration.grievance, events: nil).text)
        if let denunciation = registration.denunciationSuggested {
            StandardStreams.printError("lưu ý: nội dung có dấu hiệu tố cáo (\(denunciation)); nếu đúng là đơn tố cáo, sửa bằng: "
                + "danvan grievance correct \(registration.grievance.trackingCode) --kind to-cao")
        }
    }
}
