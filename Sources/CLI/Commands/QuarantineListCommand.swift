import Foundation
import Domain
import Storage

struct QuarantineListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "list",
        abstract: "Liệt kê các bản ghi bị cách ly: nguồn, lý do, trích đoạn. (List quarantined records: source, reason, a preview.)",
        discussion: """
            Mỗi hàng một dòng JSON, cũ nhất trước: {"id", "source", "reason", "preview"}. Nguồn là "tệp:dòng" \
            với hàng của bảng tính và "tệp#n" với thư; trích đoạn là phần đầu của bản ghi như khi nhận, trên \
            một dòng, không có ký tự điều khiển. Hàng có dấu hiệu tố cáo được hiện là (bảo mật), trừ khi quản \
            trị dùng --reveal-identity; số điện thoại và số định danh luôn được che. Chỉ cán bộ tiếp nhận và \
            quản trị được xem; mỗi lần xem được ghi vào nhật ký kiểm tra. (One JSON line per record, oldest \
            first. A record that reads as a denunciation is shown as (bảo mật) unless an admin gives \
            --reveal-identity; phone and ID numbers are always hidden. Registrars and admins only; audited.)
            """,
        arguments: [
            .option("file", value: "FILE", help: "chỉ các bản ghi của tệp này, như đã đưa cho import hoặc phần cuối của đường dẫn (only the records of this file)"),
            .flag("reveal-identity", help: "quản trị: hiện nguyên văn cả hàng có dấu hiệu tố cáo, được ghi nhật ký (admins: show such records as received; audited)"),
            .database,
        ],
        examples: ["danvan quarantine list", "danvan quarantine list --file so-2026.csv"])

    /// Characters of a record shown.
    static let previewLength = 120

    let file: String?
    let databasePath: String
    let reveal: Bool
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        file = try arguments.string("file")
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
        reveal = arguments.flag("reveal-identity")
    }

    func run() throws {
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, as: asLogin)
        let records = try casework.quarantine(previewLength: QuarantineListCommand.previewLength, reveal: reveal, as: principal,
                                              at: Date())
        for record in records where file.map({ QuarantineListCommand.source(record.source, isIn: $0) }) ?? true {
            try JSONLines.print([
                "id": JSONScalar.int(Int(record.id)), "source": .string(record.source), "reason": .string(record.reason),
                "preview": .string(record.preview),
            ])
        }
    }

    /// Whether a "file:line" or "file#n" source is in `file`, named as given to import or by its
    /// last path components ("so.csv" finds "data/so.csv:14").
    static func source(_ source: String, isIn file: String) -> Bool {
        let path = source.lastIndex(where: { $0 == ":" || $0 == "#" }).map { String(source[..<$0]) } ?? source
        return path == file || path.hasSuffix("/" + file) || source == file
    }
}
