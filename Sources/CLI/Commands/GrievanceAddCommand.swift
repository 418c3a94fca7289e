import Foundation
import Domain

struct GrievanceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "add",
        abstract: "Register a grievance and print it as JSON with its tracking code.",
        discussion: """
            The text is stored in Unicode NFC. Bad input (empty text, unknown kind, text over \
            \(GrievanceDraft.maximumTextLength) characters, bytes that are not UTF-8) exits 1 \
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
            .option("received", value: "TIME", help: "when it was received, ISO 8601 (default: now)"),
            .option("province", value: "CODE", help: "province code (NSO), when known"),
            .option("commune", value: "CODE", help: "commune code (NSO), when known"),
            .option("residential", value: "NAME", help: "residential area, e.g. \"Khu phố 6\""),
            .database,
        ],
        examples: [
            "danvan grievance add --kind phan-anh --text \"Đường Lê Văn Sỹ có ổ gà lớn\"",
            "danvan grievance add --kind to-cao --name \"Nguyễn Văn A\" --text \"Tố cáo cán bộ địa chính nhận tiền\"",
        ])

    let draft: GrievanceDraft
    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        let kind = try arguments.value("kind", accepted: Kind.allCodes, Kind.init(code:))!
        let channel = try arguments.value("channel", accepted: Channel.allCodes, Channel.init(rawValue:))!
        // Text fields are stored in NFC: the same words must compare equal, whatever keyboard typed them.
        func text(_ name: String) throws(FieldError) -> String? {
            try arguments.string(name).map(\.precomposedStringWithCanonicalMapping).flatMap { $0.isEmpty ? nil : $0 }
        }
        let received: Date
        if let value = try arguments.string("received") {
            guard let date = Timestamp.parse(value) else {
                throw FieldError(field: "received", message: "'\(value)' is not an ISO 8601 time like 2026-11-23T09:30:00+07:00")
            }
            received = date
        } else {
            received = Date()
        }
        draft = GrievanceDraft(
            kind: kind, channel: channel, text: try text("text") ?? "",
            submitter: Submitter(name: try text("name"), address: try text("address"), phone: try text("phone"),
                                 email: try text("email"), confidential: arguments.flag("confidential")),
            receivedAt: received,
            place: Place(provinceCode: try text("province"), communeCode: try text("commune"),
                         residential: try text("residential")))
        databasePath = try arguments.required("db")
    }

    func validate() throws {
        try draft.validate()
    }

    func run() throws {
        let context = try CommandContext(databasePath: databasePath)
        let grievance = try context.store.add(draft, newCode: CommandContext.newTrackingCode)
        try JSONLines.print(GrievanceJSON(grievance: grievance, events: nil))
    }
}
