import Foundation
import Casework
import Domain
import Classifier
import Intake
import Routing
import Storage

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "import",
        abstract: "Nhập đơn từ bảng tính CSV và hộp thư (mbox, .eml, Maildir): phân loại, chuyển xử lý, lưu. (Take in petitions from CSV sheets and e-mail dumps (mbox, .eml, Maildir): classify, route, store.)",
        discussion: """
            Each record is located, classified and routed like 'grievance add', and stored with its source \
            in batches of --batch records, one transaction each; without --batch a batch is \(Importer.defaultBatchSize) \
            records, or a tenth of the grievances the database holds when that is more, up to \
            \(Importer.maximumBatchSize) (a large database rewrites its random-order indexes at every commit, so \
            fewer commits write less). Importing the same records again adds \
            nothing (same Message-ID or same row content). A reply (a tracking code in the subject, or \
            In-Reply-To/References naming a message taken in before) becomes a follow-up event on its \
            grievance. A record that cannot be read goes to the quarantine table with its position and \
            the reason, and is counted. Every file is opened and checked (header, format) before anything \
            is stored. On a terminal a progress line shows records, MB, rate and time left; at the end one \
            JSON line: {"imported","duplicates","followups","quarantined"}. With --dry-run each parsed \
            record is printed as a JSON line instead and nothing is stored.
            """,
        arguments: [
            .positional("file", help: "CSV/TSV sheets, .eml files, mbox files, Maildir folders", repeating: true),
            .option("format", value: "FORMAT", help: "auto | csv | mbox | eml | maildir", default: "auto"),
            .flag("dry-run", help: "print the parsed records as JSON lines; store nothing"),
            .flag("reveal-identity", help: "with --dry-run: show a denouncer's identity, otherwise (bảo mật) (Luật Tố cáo 2018, Điều 47)"),
            .option("encoding", value: "ENCODING", help: "sheets: auto | utf8 | utf16 | cp1258 | tcvn3 | vni | viqr", default: "auto"),
            .option("delimiter", value: "CHAR", help: "sheets: , ; tab (default: detected from the header)"),
            .option("mapping", value: "FILE", help: "sheets: extra header mappings, lines 'Header = field'"),
            .option("office", value: "UNIT", help: "the registering office, whose area breaks ties and whose triage queue takes what no rule places"),
            .option("batch", value: "N", help: "records per transaction (default: \(Importer.defaultBatchSize), growing with the database up to \(Importer.maximumBatchSize))"),
            .option("threads", value: "N", help: "threads that classify and route (default: one per core)"),
            .flag("log-batches", help: "print a line to standard error after each committed batch"),
            .flag("timings", help: "print to standard error the wall and CPU seconds of each stage (read, prepare, write)"),
            .option("model", value: "FILE", help: "classifier model", default: "routing-rules/model/classifier.tsv"),
            .rulesDirectory,
            .database,
        ],
        examples: [
            "danvan import so-tiep-nhan-2026.csv",
            "danvan import hop-thu.mbox --dry-run",
            "danvan import ~/Maildir/.Phan-anh --office mttq-tphcm",
        ])

    let files: [String]
    let format: ImportFormat?
    let dryRun: Bool
    let revealIdentity: Bool
    let encoding: SheetEncoding?
    let delimiter: UInt8?
    let mappingFile: String?
    let office: String?
    /// nil: the default, which grows with the file.
    let batch: Int?
    let threads: Int
    let logBatches: Bool
    let timings: Bool
    let modelPath: String
    let rulesDirectory: String
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        files = try arguments.positionals(from: 0)
        let formatName = try arguments.required("format")
        format = formatName == "auto" ? nil : try arguments.value("format", accepted: "auto, csv, mbox, eml, maildir", ImportFormat.init(rawValue:))
        dryRun = arguments.flag("dry-run")
        revealIdentity = arguments.flag("reveal-identity")
        let encodingName = try arguments.required("encoding")
        encoding = encodingName == "auto" ? nil
            : try arguments.value("encoding", accepted: "auto, utf8, utf16, cp1258, tcvn3, vni, viqr", SheetEncoding.init(name:))
        delimiter = try arguments.value("delimiter", accepted: "',', ';', 'tab'") { text -> UInt8? in
            switch text {
            case ",", "comma": UInt8(ascii: ",")
            case ";", "semicolon": UInt8(ascii: ";")
            case "\t", "tab", "\\t": UInt8(ascii: "\t")
            default: nil
            }
        }
        mappingFile = try arguments.string("mapping")
        office = try arguments.string("office")
        batch = try arguments.integer("batch", range: 1...Importer.maximumBatchSize)
        threads = try arguments.integer("threads", range: 1...64) ?? ProcessInfo.processInfo.activeProcessorCount
        logBatches = arguments.flag("log-batches")
        timings = arguments.flag("timings")
        modelPath = try arguments.required("model")
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func validate() throws {
        if files.isEmpty { throw FieldError(field: "file", message: "cần ít nhất một tệp hoặc thư mục để nhập") }
        if revealIdentity && !dryRun {
            throw FieldError(field: "reveal-identity", message: "--reveal-identity chỉ dùng cùng --dry-run")
        }
    }

    func run() throws {
        // Who imports: the desk or an admin (records carry personal data, also in a dry run). A
        // registrar's office registers what they import unless --office says otherwise.
        var principal = Principal.machineOperator(systemUser: CommandContext.actor)
        if let asLogin {
            let acting = try CommandContext.casework(databasePath: databasePath, as: asLogin)
            try acting.casework.checkImport(as: acting.principal)
            principal = acting.principal
        }
        let office = self.office
        var mapping = HeaderMapping.standard
        if let mappingFile { mapping = try mapping.adding(file: mappingFile) }
        // Every source is opened (and a sheet's header read) before anything is stored.
        let sources = try files.map { path throws(SourceError) in
            try ImportFormat.open(path: path, format: format, mapping: mapping, encoding: encoding, delimiter: delimiter)
        }
        if dryRun {
            // A record the import would treat as a tố cáo (the sheet says so, or the classifier
            // would) shows its sender as every other output does: (bảo mật).
            if revealIdentity { try ImportProtection.checkReveal(as: principal) }
            let classifier = revealIdentity ? nil : try ModelFile.read(path: modelPath)
            for source in sources {
                while let item = try source.next() {
                    try ImportJSON.print(item, protect: { record in
                        classifier.map { ImportProtection.isProtected(record, classifier: $0) } ?? false
                    })
                }
            }
            return
        }
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        let routing = try GrievanceRouting(book: book, classifier: try ModelFile.read(path: modelPath), office: office)
        let casework = Casework(database: try CommandContext.openDatabase(databasePath, creating: true), book: book)
        var bar = ProgressBar()
        let showProgress = StandardStreams.errorIsTerminal
        let logBatches = self.logBatches
        var stageTimes: ImportTimings?
        let summary = try casework.importRecords(
            sources, routing: routing, batchSize: batch, threads: threads, as: principal,
            progress: showProgress ? { bar.draw($0) } : nil,
            committed: logBatches ? { summary in
                StandardStreams.printError("committed imported=\(summary.imported) duplicates=\(summary.duplicates) "
                    + "followups=\(summary.followups) quarantined=\(summary.quarantined)")
            } : nil, timings: { stageTimes = $0 })
        bar.finish()
        if timings, let stageTimes { ImportCommand.printTimings(stageTimes) }
        try JSONLines.print([
            "imported": summary.imported, "duplicates": summary.duplicates, "followups": summary.followups,
            "quarantined": summary.quarantined,
        ])
    }

    /// One line per stage: "read: 3.1 s wall, 2.9 s CPU".
    static func printTimings(_ timings: ImportTimings) {
        for (name, clock) in [("read", timings.read), ("prepare", timings.prepare), ("write", timings.write),
                              ("waiting", timings.waiting)] {
            StandardStreams.printError("\(name): \((clock.wallSeconds * 100).rounded() / 100) s wall, "
                + "\((clock.cpuSeconds * 100).rounded() / 100) s CPU")
        }
    }
}
