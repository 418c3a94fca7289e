import Presentation
import Foundation
import Domain
import Casework
import Routing

struct GrievanceTransitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "transition",
        abstract: "Chuyển đơn sang trạng thái khác và ghi lại sự kiện. (Move a grievance to another status and record the event.)",
        discussion: """
            Các bước chuyển được phép (allowed moves): \(Lifecycle.allowedTransitions.keys.sorted { $0.rawValue < $1.rawValue }
                .map { from in "\(from.rawValue) → \(Lifecycle.successors(of: from).map(\.rawValue).joined(separator: "|"))" }
                .joined(separator: "; ")).
            assigned cần --unit; rejected, waiting-for-citizen và reopened cần --reason; transferred cần --unit \
            hoặc --authority; merged cần --into. Đơn tố cáo không được giao hay chuyển cho đơn vị hoặc cơ quan mà \
            đơn nêu tên, trừ khi có --override-conflict. (assigned needs --unit; rejected, waiting-for-citizen and \
            reopened need --reason; transferred needs --unit or --authority; merged needs --into. A tố cáo never \
            goes to a unit or authority it names without --override-conflict.)
            """,
        arguments: [
            .positional("code", help: "mã đơn (the tracking code)"),
            .option("to", value: "STATUS", help: "trạng thái mới (new status): " + Status.allCodes, required: true),
            .option("reason", value: "TEXT", help: "lý do, được báo cho công dân khi từ chối (why; shown to the citizen for rejected)"),
            .option("unit", value: "UNIT", help: "đơn vị chủ trì (assigned) hoặc đơn vị nhận (transferred) (lead or receiving unit)"),
            .option("coordinating", value: "UNIT", help: "đơn vị phối hợp, có thể lặp lại (a coordinating unit, repeatable)", repeating: true),
            .option("authority", value: "NAME", help: "cơ quan có thẩm quyền khi chuyển đơn, ví dụ \"UBND phường Bảy Hiền\" (external authority for transferred)"),
            .option("authority-due", value: "DATE", help: "thời hạn luật định của cơ quan đó, dd/mm/yyyy hoặc yyyy-mm-dd (the authority's legal deadline)"),
            .option("override-conflict", value: "REASON",
                    help: "lý do vẫn giao đơn tố cáo cho đơn vị mà đơn nêu tên, được ghi lại (why a unit the denunciation names gets it all the same; recorded)"),
            .option("into", value: "CODE", help: "mã đơn mà đơn này trùng lặp, khi gộp (tracking code of the grievance this one duplicates)"),
            .rulesDirectory, .database,
        ],
        examples: [
            "danvan grievance transition K7M3Q-9TXR2 --to assigned --unit chi-bo-bay-hien-kp1",
            "danvan grievance transition K7M3Q-9TXR2 --to rejected --reason \"Không thuộc thẩm quyền\"",
        ])

    let code: TrackingCode
    let request: TransitionRequest
    let rulesDirectory: String
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        code = try CommandContext.trackingCode(try arguments.positional(0) ?? "", field: "code")
        let into = try arguments.string("into").map { text throws(FieldError) in
            try CommandContext.trackingCode(text, field: "into")
        }
        request = TransitionRequest(
            to: try arguments.value("to", accepted: Status.allCodes, Status.init(rawValue:))!,
            reason: try arguments.string("reason")?.precomposedStringWithCanonicalMapping,
            unit: try arguments.string("unit"),
            coordinatingUnits: try arguments.strings("coordinating"),
            authority: try arguments.string("authority")?.precomposedStringWithCanonicalMapping,
            authorityDue: try arguments.value("authority-due", accepted: LocalDate.typedFormats + ", " + LocalDate.plausibleYearsText) { text in
                LocalDate(typed: text).flatMap { $0.isPlausible ? $0 : nil }
            },
            mergedInto: into,
            overrideConflict: try arguments.string("override-conflict")?.precomposedStringWithCanonicalMapping)
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func validate() throws {
        try request.checkFieldsUsed { "--" + $0 }
    }

    func run() throws {
        // The rules check the units, count the deadlines (from the day of acceptance, and after a
        // pause) and say which units a denunciation names.
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, book: book, as: asLogin)
        let grievance = try casework.transition(code, request, as: principal, at: Date())
        StandardStreams.printLine(GrievanceJSON(grievance: grievance, events: nil).text)
    }
}
