import Foundation
import Dispatch
import Domain
import Routing
import Storage
import Classifier
import Casework
import HTTP
import Server

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "serve",
        abstract: "Chạy máy chủ HTTP: API JSON /api/v1, OpenAPI, /healthz, Open311 /open311/v2. (Run the HTTP server: the JSON API, its OpenAPI document, /healthz, Open311 GeoReport v2.)",
        discussion: """
            Opens (or starts) the database, loads the rules and the model, and listens until SIGTERM or SIGINT, \
            then finishes the requests in flight and writes the pending audit lines. With no enabled admin \
            account yet, it makes 'admin' and prints its one-time password once. One JSON line per request \
            goes to stderr (method, route pattern, status, milliseconds; no personal data).
            """,
        arguments: [
            .option("host", value: "ADDRESS", help: "địa chỉ lắng nghe (listen address)", default: "127.0.0.1"),
            .option("port", value: "PORT", help: "cổng (port); 0 chọn một cổng trống", default: "8080"),
            .option("model", value: "FILE", help: "mô hình phân loại (classifier model)", default: "routing-rules/model/classifier.tsv"),
            .option("office", value: "UNIT", help: "đơn vị nhận đơn công dân gửi qua biểu mẫu công khai (the unit whose desk receives public submissions)"),
            .flag("quiet", help: "không ghi nhật ký từng yêu cầu (no per-request log lines)"),
            .rulesDirectory, .database,
        ],
        examples: ["danvan serve", "danvan serve --port 8081 --db var/danvan.sqlite"])

    let host: String
    let port: Int
    let modelPath: String
    let office: String?
    let quiet: Bool
    let rulesDirectory: String
    let databasePath: String

    init(_ arguments: ParsedArguments) throws {
        host = try arguments.required("host")
        port = try arguments.integer("port", range: 0...65535)!
        modelPath = try arguments.required("model")
        office = try arguments.string("office")
        quiet = arguments.flag("quiet")
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
    }

    func run() throws {
        // Rules and model first: a bad rules file must not leave a half-started service.
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        let classifier = try ModelFile.read(path: modelPath)
        if let office, book.directory[office] == nil {
            throw FieldError(field: "office", message: "không có đơn vị '\(office)' trong danh bạ đơn vị (routing-rules/units/)")
        }
        let database = try CommandContext.openDatabase(databasePath, creating: true)
        let checkpointer = try database.checkpointInBackground()
        defer { checkpointer.stop() }
        let audit = AuditBuffer(database: database)
        let casework = Casework(database: database, book: book, viewAudit: audit)
        let log = RequestLog(enabled: !quiet)
        let routing = try GrievanceRouting(book: book, classifier: classifier, office: nil)
        let api = APIServer(context: APIContext(casework: casework, routing: routing, publicOffice: office, log: log))
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: host, port: port), responder: api)
        let bound: Int
        do {
            bound = try server.start()
        } catch {
            throw FieldError(field: "port", message: "không mở được \(host):\(port): \(error)")
        }
        server.stopOnSignals()
        StandardStreams.printLine("danvan đang chạy tại http://\(host):\(bound)/ (API: /api/v1, OpenAPI: /api/v1/openapi.json, Open311: /open311/v2/discovery.json)")
        try announceAdmin(casework)
        StandardStreams.flush()
        log.event("started on \(host):\(bound)")
        let stopped = DispatchSemaphore(value: 0)
        Task { await server.waitUntilStopped(); stopped.signal() }
        stopped.wait()
        log.event("stopped")
        log.close()
        try audit.close()
    }

    /// The first run makes the admin account and shows its one-time password, once.
    private func announceAdmin(_ casework: Casework) throws {
        let operatorPrincipal = Principal.machineOperator(systemUser: CommandContext.actor)
        let users = try casework.users(as: operatorPrincipal)
        if users.contains(where: { $0.role == .admin && !$0.disabled }) {
            StandardStreams.printLine("Tài khoản quản trị đã có; đặt lại mật khẩu bằng: danvan user passwd LOGIN --db \(databasePath)")
            return
        }
        let login = users.contains { $0.login == "admin" } ? "admin-\(users.count + 1)" : "admin"
        let (_, password) = try casework.addUser(login: login, role: .admin, unit: nil, name: "Quản trị", password: nil,
                                                 as: operatorPrincipal, at: Date())
        StandardStreams.printLine("Tài khoản quản trị: \(login), mật khẩu dùng một lần: \(password ?? "")  (đổi khi đăng nhập lần đầu)")
    }
}
