import Foundation
import Domain
import Classifier
import Intake
import Routing
import VietText

struct GrievanceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "add",
        abstract: "Ghi nhận một đơn, chuyển xử lý theo quy tắc, in JSON kèm mã đơn. (Register a grievance, route it, and print it as JSON with its tracking code.)",
        discussion: """
            The place is found in the address (or the text) unless --province/--commune are given; the \
            topic is suggested by the classifier unless --topic is given; the rules in --rules then \
            decide the lead unit, the status (assigned, transferred or triage) and the deadlines, and the \
            event records the rule and why. With --no-route it is only registered (status received). \
            The text is stored in Unicode NFC, without control characters (the text keeps its line \
            ends and tabs; the received event says what was removed). Bad input (empty text, unknown \
            kind, text over \(GrievanceDraft.maximumTextLength) characters, a name over \(FieldLimits.name), \
            an address over \(FieldLimits.address), a phone over \(FieldLimits.phone), an e-mail over \
            \(FieldLimits.email), a --received more than a day ahead, bytes that are not UTF-8) exits 1 \
            with one line naming the field, and nothing is written.
            """,
        arguments: [
            .option("kind", value: "KIND", help: "phan-anh | kien-nghi | khieu-nai | to-cao | y-kien", required: true),
            .option("text", value: "TEXT", help: "what the citizen wrote or said", required: true),
            .option("name", value: "NAME", help: "the citizen's name (required for to-cao)"),
            .option("address", value: "ADDRESS", help: "the citizen's address"),
            .option("phone", value: "PHONE", help: "the citizen's phone number"),
            .option("email", value: "EMAIL", help: "the citizen's email address"),
            .flag("confidential", help: "keep the submitter's identity confidential (always on for to-cao)"),
            .option("channel", value: "CHANNEL", help: Channel.allCodes, default: "form"),
            .option("received", value: "TIME", help: "when it was received, ISO 8601 or dd/mm/yyyy, at most a day ahead (default: now)"),
            .option("province", value: "CODE", help: "province code (NSO), when known"),
            .option("commune", value: "CODE", help: "commune code (NSO), when known"),
            .option("residential", value: "NAME", help: "residential area, e.g. \"Khu phố 6\""),
            .option("topic", value: "TOPIC", help: "the topic, when staff know it (otherwise the classifier suggests one)"),
            .option("office", value: "UNIT", help: "the registering office, whose triage queue takes what no rule places"),
            .flag("no-route", help: "only register it; leave classification and routing to a person"),
            .option("model", value: "FILE", help: "classifier model", default: "routing-rules/model/classifier.tsv"),
            .rulesDirectory,
            .database,
        ],
        examples: [
            "danvan grievance add --kind phan-anh --text \"Đường Lê Văn Sỹ có ổ gà lớn\"",
            "danvan grievance add --kind to-cao --name \"Nguyễn Văn A\" --text \"Tố cáo cán bộ địa chính nhận tiền\"",
        ])

    let draft: GrievanceDraft
    /// Per field, the control characters removed from what was typed.
    let removedControlCharacters: [String: Int]
    let databasePath: String
    let topic: String?
    let office: String?
    let route: Bool
    let modelPath: String
    let rulesDirectory: String

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
            place: Place(provinceCode: try text("province"), communeCode: try text("commune"),
                         residential: try text("residential")))
        // Control characters are dropped before anything checks or stores the text; the event says so.
        removedControlCharacters = draft.removeControlCharacters()
        self.draft = draft
        databasePath = try arguments.required("db")
        topic = try arguments.string("topic")
        office = try arguments.string("office")
        route = !arguments.flag("no-route")
        modelPath = try arguments.required("model")
        rulesDirectory = try arguments.required("rules")
    }

    func validate() throws {
        try draft.validate()
        if !route && topic != nil {
            throw FieldError(field: "topic", message: "chủ đề chỉ dùng khi chuyển xử lý; bỏ --no-route hoặc --topic")
        }
    }

    func run() throws {
        var draft = self.draft
        var assignment: RoutingAssignment?
        if route {
            // Rules and model are read before anything is written: a bad rules file stores nothing.
            let book = try RuleBookLoader.load(directory: rulesDirectory)
            let routing = try GrievanceRouting(book: book, classifier: topic == nil ? try ModelFile.read(path: modelPath) : nil,
                                               office: office)
            assignment = try routing.route(&draft, topic: topic)
        }
        let context = try CommandContext(databasePath: databasePath)
        var details: [String: String] = [:]
        details[GrievanceDraft.controlCharactersDetail] = GrievanceDraft.controlCharactersNote(removedControlCharacters)
        let grievance = try context.store.add(draft, newCode: CommandContext.newTrackingCode, routing: assignment, at: Date(),
                                              receivedDetails: details)
        try JSONLines.print(GrievanceJSON(grievance: grievance, events: nil))
    }
}
