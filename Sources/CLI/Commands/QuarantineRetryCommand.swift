import Foundation
import Domain
import Classifier
import Intake
import Routing
import Storage

struct QuarantineRetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "retry",
        abstract: "Thử nhập lại bản ghi bị cách ly khi nguyên nhân đã được khắc phục. (Import quarantined records again once the cause is fixed.)",
        discussion: """
            Reads the record ID (or --all) again as import would: a sheet's row with its header and --mapping, \
            a message as a message. One taken in leaves the quarantine and gets the idempotency key it would have \
            had from the file (importing the file again with the same mapping adds nothing); one refused again stays, with its new \
            reason. Prints import's summary: {"imported","duplicates","followups","quarantined"}.
            """,
        arguments: [
            .positional("id", help: "the record's id (see 'quarantine list')", required: false),
            .flag("all", help: "every quarantined record"),
            .option("mapping", value: "FILE", help: "sheets: extra header mappings, lines 'Header = field'"),
            .option("office", value: "UNIT", help: "the registering office, as for import"),
            .option("model", value: "FILE", help: "classifier model", default: "routing-rules/model/classifier.tsv"),
            .rulesDirectory,
            .database,
        ],
        examples: ["danvan quarantine retry 12 --mapping anh-xa.txt", "danvan quarantine retry --all"])

    let id: Int64?
    let mappingFile: String?
    let office: String?
    let modelPath: String
    let rulesDirectory: String
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        let all = arguments.flag("all")
        let text = try arguments.positional(0)
        switch (text, all) {
        case (nil, false): throw FieldError(field: "id", message: "cần số của bản ghi (xem 'danvan quarantine list') hoặc --all")
        case (.some, true): throw FieldError(field: "id", message: "chọn một: số của bản ghi hoặc --all")
        case let (text?, false):
            guard let number = Int64(text), number > 0 else {
                throw FieldError(field: "id", message: "'\(text)' không phải số của bản ghi bị cách ly")
            }
            id = number
        case (nil, true): id = nil
        }
        mappingFile = try arguments.string("mapping")
        office = try arguments.string("office")
        modelPath = try arguments.required("model")
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        var mapping = HeaderMapping.standard
        if let mappingFile { mapping = try mapping.adding(file: mappingFile) }
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, as: asLogin)
        try casework.checkImport(as: principal)
        let database = casework.database
        let records = try database.read { try IntakeLedger.quarantined(ids: id.map { [$0] }, in: $0) }
        if let id, records.isEmpty {
            throw FieldError(field: "id", message: "không có bản ghi bị cách ly số \(id)")
        }
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        let routing = try GrievanceRouting(book: book, classifier: try ModelFile.read(path: modelPath), office: office)
        let importer = Importer(database: database, routing: routing, actor: CommandContext.actor, retrying: true,
                                newCode: CommandContext.newTrackingCode)
        let summary = try importer.run([QuarantineRetrySource(records, mapping: mapping)])
        try JSONLines.print([
            "imported": summary.imported, "duplicates": summary.duplicates, "followups": summary.followups,
            "quarantined": summary.quarantined,
        ])
    }
}
