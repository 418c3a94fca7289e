internal import Foundation
internal import HTTP
internal import Domain
internal import Casework
internal import Intake
internal import JSONText

/// Uploading a sheet or a mailbox to import, and following it: the desk and admins. The upload
/// is written to a file of its own and imported on a thread of its own; the answer comes at once
/// (202) with where to follow it.
enum ImportOperations {
    /// The largest upload: a sheet of some hundred thousand rows, a mailbox of a few thousand letters.
    static let uploadLimit = 64 << 20

    static func all(_ context: APIContext) -> [APIOperation] {
        let casework = context.casework
        return [
            APIOperation(method: .post, path: "/api/v1/imports", id: "startImport",
                         summary: "Tải lên bảng tính (CSV/TSV) hoặc hộp thư (mbox, .eml) để nhập; trả về ngay, theo dõi ở Location",
                         access: .session,
                         parameters: [
                            .query("name", "Tên tệp (đuôi .csv, .tsv, .mbox, .eml cho biết định dạng)"),
                            .query("format", "csv, mbox hoặc eml (mặc định: theo tên tệp)",
                                   schema: ["type": "string", "enum": ["csv", "mbox", "eml"]]),
                         ],
                         requestBody: ["type": "string", "format": "binary"], requestType: "application/octet-stream",
                         responses: [.init(status: 202, description: "Đang nhập", schema: APISchemas.ref("ImportJob"), headers: ["Location"])],
                         bodyLimit: uploadLimit) { request in
                let principal = try request.principal
                try casework.checkImport(as: principal)
                guard !request.http.body.isEmpty else { throw APIError.invalid("body", "Tệp tải lên trống.") }
                let name = safeName(request.http.query("name") ?? "tai-len.csv")
                let format = try request.http.query("format").map { text throws(APIError) in
                    guard let parsed = ImportFormat(rawValue: text), parsed != .maildir else {
                        throw APIError.invalid("format", "Định dạng là csv, mbox hoặc eml.")
                    }
                    return parsed
                }
                let id = UUID().uuidString.lowercased()
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-import-\(id)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let path = folder.appendingPathComponent(name).path
                // Opened here to refuse an unreadable file at once (a sheet's header is read), and again by
                // the importing thread, which owns what it reads.
                let open = { @Sendable () throws -> any RecordSource in
                    try ImportFormat.open(path: path, format: format, mapping: .standard, encoding: nil, delimiter: nil)
                }
                do {
                    try Data(request.http.body).write(to: URL(fileURLWithPath: path))
                    _ = try open()
                } catch {
                    try? FileManager.default.removeItem(at: folder)
                    throw APIError.invalid("body", "Không đọc được tệp \(name): \(error)")
                }
                let job = ImportJob(id: id, owner: principal.login, name: name, totalBytes: request.http.body.count, started: request.now)
                context.imports.add(job)
                let jobs = context.imports, routing = context.routing
                let thread = Thread {
                    defer { try? FileManager.default.removeItem(at: folder) }
                    do {
                        let summary = try casework.importRecords([try open()], routing: routing, as: principal, progress: { progress in
                            jobs.update(id) { $0.records = progress.records; $0.bytesRead = progress.bytesRead }
                        })
                        jobs.update(id) { $0.status = .done; $0.summary = summary; $0.bytesRead = $0.totalBytes }
                    } catch {
                        jobs.update(id) { $0.status = .failed; $0.error = "\(error)" }
                    }
                }
                thread.name = "import-\(id.prefix(8))"
                thread.start()
                return APIServer.json(write(job), status: .accepted, headers: ["Location": "/api/v1/imports/\(id)"])
            },
            APIOperation(method: .get, path: "/api/v1/imports/{id}", id: "getImport",
                         summary: "Tiến độ và kết quả một lần nhập (người tải lên hoặc quản trị)", access: .session,
                         parameters: [.path("id", "Mã lần nhập")],
                         responses: [.init(status: 200, description: "Lần nhập", schema: APISchemas.ref("ImportJob"))]) { request in
                let principal = try request.principal
                guard let job = context.imports.job(request.parameter("id")),
                      job.owner == principal.login || principal.role == .admin else {
                    throw APIError.notFound("Không có lần nhập này.")
                }
                return APIServer.json(write(job))
            },
        ]
    }

    /// The file name without folders or odd characters: it names a file on this machine.
    static func safeName(_ name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        let kept = last.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
        let text = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return text.isEmpty ? "tai-len" : String(text.prefix(100))
    }

    static func write(_ job: ImportJob) -> [UInt8] {
        var json = JSONByteWriter(capacity: 256)
        json.raw("{\"bytes_read\":"); json.int(job.bytesRead)
        json.raw(",\"error\":"); json.string(job.error)
        json.raw(",\"id\":"); json.string(job.id)
        json.raw(",\"name\":"); json.string(job.name)
        json.raw(",\"records\":"); json.int(job.records)
        json.raw(",\"status\":"); json.string(job.status.rawValue)
        json.raw(",\"summary\":")
        if let summary = job.summary {
            json.raw("{\"duplicates\":"); json.int(summary.duplicates)
            json.raw(",\"followups\":"); json.int(summary.followups)
            json.raw(",\"imported\":"); json.int(summary.imported)
            json.raw(",\"quarantined\":"); json.int(summary.quarantined)
            json.raw("}")
        } else {
            json.null()
        }
        json.raw(",\"total_bytes\":"); json.int(job.totalBytes)
        json.raw("}")
        return json.bytes
    }
}
