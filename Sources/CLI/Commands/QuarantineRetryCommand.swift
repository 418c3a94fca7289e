import Foundation
import Domain
import Classifier
import Intake
import Routing
import Storage
import Casework

struct QuarantineRetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "retry",
        abstract: "Thử nhập lại bản ghi bị cách ly khi nguyên nhân đã được khắc phục. (Import quarantined records again once the cause is fixed.)",
        discussion: """
            Đọc lại bản ghi ID (hoặc --all) như lệnh import: hàng của bảng tính với dòng tiêu đề và --mapping, \
            thư như một thư. Bản ghi nhập được thì rời khỏi hàng cách ly và mang khóa định danh như khi nhập từ \
            tệp; bản ghi vẫn lỗi thì ở lại với lý do mới. In tổng kết như import. Lưu ý: một --mapping làm thay \
            đổi các cột được đọc (ví dụ 'Loại đơn = ignore') cũng đổi khóa định danh của mọi hàng; nhập lại cả \
            tệp với mapping đó sẽ nhận lại những hàng đã nhập trước. (Reads the record again as import would; \
            one taken in leaves the quarantine with the key it would have had from the file; one refused stays \
            with its new reason. A mapping that changes which columns are read changes every row's identity: \
            importing the whole file again with it takes in again the rows imported before.)
            """,
        arguments: [
            .positional("id", help: "mã bản ghi, xem 'quarantine list' (the record's id)", required: false),
            .flag("all", help: "mọi bản ghi bị cách ly (every quarantined record)"),
            .option("mapping", value: "FILE", help: "bảng tính: ánh xạ tiêu đề thêm, mỗi dòng 'Tiêu đề = trường' (extra header mappings)"),
            .option("office", value: "UNIT", help: "đơn vị tiếp nhận, như với import (the registering office)"),
            .option("model", value: "FILE", help: "mô hình phân loại (classifier model)", default: "routing-rules/model/classifier.tsv"),
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
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        let routing = try GrievanceRouting(book: book, classifier: try ModelFile.read(path: modelPath), office: office)
        let summary = try casework.retryQuarantine(id: id, mapping: mapping, routing: routing, as: principal)
        try JSONLines.print([
            "imported": summary.imported, "duplicates": summary.duplicates, "followups": summary.followups,
            "quarantined": summary.quarantined,
        ])
    }
}
