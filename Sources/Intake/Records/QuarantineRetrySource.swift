public import Foundation

/// Quarantined records read again, as an importer's source (`danvan quarantine retry`). A sheet's
/// row is read with its stored header (and a mapping file, if one was added since) by the same
/// code that reads a sheet, a mail by the same code that reads a mailbox; each keeps its source
/// ("file:line", "file#n"), so it gets the idempotency key it would have from the file.
public final class QuarantineRetrySource: RecordSource {
    public let name = "quarantine"
    public private(set) var bytesRead = 0
    public let totalBytes: Int
    private let records: [RereadRecord]
    private let mapping: HeaderMapping
    private let now: Date
    private var index = 0

    public init(_ records: [RereadRecord], mapping: HeaderMapping = .standard, now: Date = Date()) {
        self.records = records
        self.mapping = mapping
        self.now = now
        totalBytes = records.reduce(0) { $0 + $1.raw.count }
    }

    public func next() throws -> IntakeItem? {
        guard index < records.count else { return nil }
        let record = records[index]
        index += 1
        bytesRead += record.raw.count
        return QuarantineRetrySource.item(record, mapping: mapping, now: now)
    }

    static func item(_ record: RereadRecord, mapping: HeaderMapping, now: Date) -> IntakeItem {
        switch record.format {
        case "mail":
            return MailRecords.item(record.raw[...], source: record.source)
        case "csv":
            if let header = record.header, let delimiter = record.delimiter,
               let cut = record.source.lastIndex(of: ":"), let line = Int(record.source[record.source.index(after: cut)...]) {
                return sheetRow(record, header: header, delimiter: delimiter, file: String(record.source[..<cut]), line: line,
                                mapping: mapping, now: now)
            }
        default:
            break
        }
        return .rejected(Rejection(source: record.source, reason: "không thử lại được: bản ghi này được cách ly trước khi "
            + "danvan lưu cách đọc lại nó (định dạng, dòng tiêu đề); hãy sửa tệp và nhập lại", raw: record.raw))
    }

    /// The row mapped through its header by `SheetSource`, which reads files: the header is
    /// written to a temporary one so that nothing of the mapping is done twice.
    private static func sheetRow(_ record: RereadRecord, header: [UInt8], delimiter: UInt8, file: String, line: Int,
                                 mapping: HeaderMapping, now: Date) -> IntakeItem {
        let order = SheetDateOrder(rawValue: record.dateOrder ?? "") ?? .dayFirst
        let origin = QuarantineOrigin.sheet(header: header, delimiter: delimiter, dateOrder: order)
        func reject(_ reason: String) -> IntakeItem {
            .rejected(Rejection(source: record.source, reason: reason, raw: record.raw, origin: origin))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-retry-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(header + [10])) else {
            return reject("không ghi được tệp tạm để đọc lại dòng tiêu đề")
        }
        let sheet: SheetSource
        do {
            sheet = try SheetSource(path: path, mapping: mapping, encoding: .utf8, delimiter: delimiter, now: now)
        } catch {
            return reject("dòng tiêu đề của \(file) không có cột nội dung đơn; hãy thêm tệp ánh xạ (--mapping)")
        }
        sheet.sourceName = file
        sheet.use(dateOrder: order)
        var parser = CSVParser(delimiter: delimiter)
        var outputs: [CSVParser.Output] = []
        parser.feed(record.raw + [10]) { outputs.append($0) }
        parser.finish { outputs.append($0) }
        switch outputs.first {
        case var .record(row)?:
            row.line = line
            return sheet.item(row)
        case let .problem(problem)?:
            return reject(problem.message)
        case nil:
            return reject("dòng trống")
        }
    }
}
