public import Foundation
internal import Domain
internal import Secrets
internal import VietText

/// The rows of a CSV (or tab-separated "Unicode text") sheet as petitions, streamed: the file is
/// read a megabyte at a time, decoded to UTF-8, parsed, and each row mapped through the header.
public final class SheetSource: RecordSource {
    public let name: String
    public var bytesRead: Int { file.offset }
    public var totalBytes: Int { file.size }
    public private(set) var encoding: SheetEncoding
    public let delimiter: UInt8
    /// The header cells and what each column means (nil: kept under its own header).
    public private(set) var columns: [(header: String, field: SheetField?)] = []
    /// The line of the header row (after any title rows).
    public private(set) var headerLine = 1
    /// Each column's name when it is kept under its own header: the header, "column N" for an
    /// empty one, and "Ghi chú (2)" for a header met again, so one column has one name on every row.
    private var columnNames: [String] = []
    /// How the date column's dd/mm and mm/dd dates are read, decided from the whole column.
    public private(set) var dateOrder = SheetDateOrder.dayFirst
    /// Receipts dated more than a day after this are refused.
    public let now: Date
    /// What each row's source names: the path, or for a retried row the file it came from.
    var sourceName: String
    /// The header row's bytes, for the quarantine (a row is read again with its header).
    private var headerBytes: [UInt8] = []

    private let file: ChunkedFile
    private var decoder: SheetDecoder
    private var parser: CSVParser
    private var queue: [CSVParser.Output] = []
    private var queueIndex = 0
    private var finished = false
    /// Dates and kinds as written in this sheet, read once each: a sheet repeats the same few
    /// hundred dates and handful of labels on every row.
    private var dates = BoundedMemo<String, SheetDate?>()
    private var kinds = BoundedMemo<String, Kind?>()

    /// - Parameter now: the time the receipt dates are checked against (at most a day later).
    public init(path: String, mapping: HeaderMapping = .standard, encoding: SheetEncoding? = nil,
                delimiter: UInt8? = nil, now: Date = Date()) throws(SourceError) {
        name = path
        sourceName = path
        self.now = now
        do { file = try ChunkedFile(path: path) } catch { throw SourceError(error.description) }
        decoder = SheetDecoder(encoding: encoding)
        // Read until the encoding is known and the header line is in: the delimiter is taken from it.
        var text: [UInt8] = []
        var raw: [UInt8] = []
        while decoder.encoding == nil || !text.contains(where: { $0 == 10 || $0 == 13 }) {
            raw.removeAll(keepingCapacity: true)
            let got: Int
            do { got = try file.read(into: &raw) } catch { throw SourceError(error.description) }
            if file.offset == got, let kind = SheetSource.notASheet(raw) {
                throw SourceError("\(path): đây là \(kind), không phải bảng CSV; hãy mở bằng Excel hoặc LibreOffice và lưu "
                    + "thành 'CSV UTF-8 (phân cách bằng dấu phẩy)'")
            }
            text += decoder.decode(raw, final: got == 0)
            if got == 0 { break }
        }
        self.encoding = decoder.encoding ?? .utf8
        let chosen = delimiter ?? CSVReader.detectDelimiter(text.prefix(64 << 10))
        self.delimiter = chosen
        parser = CSVParser(delimiter: chosen)
        parser.feed(text) { queue.append($0) }
        if file.offset == file.size { finishInput() }
        // The header is the first row naming a content column: offices put a title, the unit's
        // name or a date range above it ("SỔ THEO DÕI ĐƠN THƯ NĂM 2026"). Rows above it are not petitions.
        var first: CSVParser.Record?
        var examined = 0
        while let output = try nextOutput() {
            switch output {
            case let .record(record):
                examined += 1
                if first == nil { first = record }
                let candidate = record.fields.map { cell in
                    let clean = VietText.normalize(cell).trimmedWhitespace
                    return (header: clean, field: mapping.field(forHeader: clean))
                }
                if candidate.contains(where: { $0.field == .text }) {
                    columns = candidate
                    headerLine = record.line
                    headerBytes = record.raw
                }
            case .problem:
                // A broken line above the header is no header; if none follows, the message below says so.
                examined += 1
            }
            if !columns.isEmpty || examined >= SheetSource.headerSearchRows { break }
        }
        guard let first else { throw SourceError("\(path): bảng tính trống, không có dòng tiêu đề") }
        guard !columns.isEmpty else {
            // Control characters are not echoed: they would garble the terminal.
            let seen = first.fields.prefix(20).map { cell in
                let shown = String(String.UnicodeScalarView(VietText.normalize(cell).trimmedWhitespace.unicodeScalars
                    .map { $0.value < 0x20 || $0.value == 0x7F ? "\u{FFFD}" : $0 }))
                return "'\(shown.count > 60 ? String(shown.prefix(60)) + "…" : shown)'"
            }.joined(separator: ", ")
            throw SourceError("\(path):\(first.line): không thấy cột nội dung đơn (ví dụ 'Nội dung') trong "
                + "\(SheetSource.headerSearchRows) dòng đầu; dòng đầu có \(seen). "
                + "Hãy khai báo cột đó trong tệp ánh xạ (--mapping TỆP, dòng dạng 'Tóm tắt = text')")
        }
        let mapped = columns.compactMap(\.field).filter { $0 != .ignore }
        if let twice = mapped.first(where: { field in mapped.filter { $0 == field }.count > 1 }) {
            throw SourceError("\(path):\(headerLine): hai cột cùng là '\(twice.rawValue)'; hãy ghi một cột là 'ignore' trong tệp ánh xạ")
        }
        var seen: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            let base = column.header.isEmpty ? "column \(index + 1)" : column.header
            seen[base, default: 0] += 1
            columnNames.append(seen[base]! == 1 ? base : "\(base) (\(seen[base]!))")
        }
        if let column = columns.firstIndex(where: { $0.field == .received }) {
            dateOrder = try SheetSource.dateOrder(path: path, encoding: self.encoding, delimiter: chosen,
                                                  headerLine: headerLine, column: column)
        }
        // Opened again when its rows are read: a command may name many sheets.
        file.park()
    }

    /// The order of the date column, read ahead of the rows (they must all be read the same
    /// way). Reading stops at the first date only day first can read, so a Vietnamese sheet
    /// costs a few rows; a month-first sheet is read to its end, to be sure.
    static func dateOrder(path: String, encoding: SheetEncoding, delimiter: UInt8, headerLine: Int,
                          column: Int) throws(SourceError) -> SheetDateOrder {
        let file: ChunkedFile
        do { file = try ChunkedFile(path: path) } catch { throw SourceError(error.description) }
        defer { file.park() }
        var decoder = SheetDecoder(encoding: encoding)
        var parser = CSVParser(delimiter: delimiter)
        var tally = SheetDateOrder.Tally()
        var votes = BoundedMemo<String, SheetDateOrder?>()
        var raw: [UInt8] = []
        func count(_ output: CSVParser.Output) {
            guard case let .record(record) = output, record.line > headerLine, record.strayQuoteField == nil,
                  column < record.fields.count else { return }
            let cell = record.fields[column]
            if !cell.isEmpty { tally.add(votes.value(for: cell, SheetDateOrder.vote)) }
        }
        while !tally.settled {
            raw.removeAll(keepingCapacity: true)
            let got: Int
            do { got = try file.read(into: &raw) } catch { throw SourceError(error.description) }
            parser.feed(decoder.decode(raw, final: got == 0), count)
            if got == 0 {
                parser.finish(count)
                break
            }
        }
        return tally.order
    }

    /// What a file is when its first bytes say it is a workbook or a document, not text.
    static func notASheet(_ prefix: [UInt8]) -> String? {
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "một tệp nén ZIP (bảng tính .xlsx hoặc .ods)" }
        if prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "một bảng tính Excel cũ (.xls)" }
        if prefix.starts(with: Array("%PDF-".utf8)) { return "một tệp PDF" }
        return nil
    }

    /// How far down the header row is looked for.
    static let headerSearchRows = 20

    private func readMore() throws(SourceError) {
        var raw: [UInt8] = []
        let got: Int
        do { got = try file.read(into: &raw) } catch { throw SourceError(error.description) }
        let text = decoder.decode(raw, final: got == 0)
        queue.removeFirst(queueIndex)
        queueIndex = 0
        parser.feed(text) { queue.append($0) }
        if got == 0 { finishInput() }
    }

    private func finishInput() {
        guard !finished else { return }
        finished = true
        // What the decoder still holds (a legacy sheet's last line without a line end) comes first.
        parser.feed(decoder.decode([], final: true)) { queue.append($0) }
        parser.finish { queue.append($0) }
    }

    public func next() throws -> IntakeItem? {
        while let output = try nextOutput() {
            switch output {
            case let .record(record):
                // Rows of empty cells (",,,,", left by spreadsheet exports) are no records.
                if record.fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
                return item(record)
            case let .problem(problem):
                return .rejected(Rejection(source: "\(sourceName):\(problem.line)", reason: problem.message, raw: problem.raw,
                                           origin: quarantineOrigin))
            }
        }
        return nil
    }

    /// The parser's next output, reading more of the file as needed; nil at the end.
    private func nextOutput() throws(SourceError) -> CSVParser.Output? {
        while queueIndex >= queue.count {
            if finished { return nil }
            try readMore()
        }
        defer { queueIndex += 1 }
        return queue[queueIndex]
    }

    /// A row as a record, or as a rejection naming the column at fault.
    /// What reading a row of this sheet again takes.
    var quarantineOrigin: QuarantineOrigin {
        .sheet(header: headerBytes, delimiter: delimiter, dateOrder: dateOrder)
    }

    /// Reads a retried row by its stored date order, not by the one row's vote.
    func use(dateOrder: SheetDateOrder) { self.dateOrder = dateOrder }

    func item(_ record: CSVParser.Record) -> IntakeItem {
        let source = "\(sourceName):\(record.line)"
        func reject(_ reason: String) -> IntakeItem {
            .rejected(Rejection(source: source, reason: reason, raw: record.raw, origin: quarantineOrigin))
        }
        func columnName(_ index: Int) -> String {
            index < columns.count && !columns[index].header.isEmpty ? "cột '\(columns[index].header)'" : "cột \(index + 1)"
        }
        // A quote closed in the middle of a cell: the cells after it may have shifted.
        if let field = record.strayQuoteField {
            return reject("\(columnName(field)): dấu ngoặc kép đóng ô giữa chừng (dấu ngoặc kép trong ô phải viết đôi \"\"), "
                + "không biết ô kết thúc ở đâu; các ô sau có thể đã lệch cột")
        }
        // More cells than the header names: a delimiter inside a cell, or a shifted row. Empty
        // cells past the end (trailing delimiters some exporters write) are harmless.
        if record.fields.count > columns.count,
           let extraIndex = record.fields[columns.count...].firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) {
            return reject("dòng có \(record.fields.count) ô, nhiều hơn \(columns.count) cột của dòng tiêu đề "
                + "(ô \(extraIndex + 1) không có tiêu đề); các ô có thể đã lệch cột")
        }
        var fields: [(field: SheetField, value: String)] = []
        var extra: [(header: String, value: String)] = []
        // The other columns under their headers as written, for the row's identity (which must not change).
        var identityExtra: [(header: String, value: String)] = []
        // The column each field came from, for messages (only a rejected row needs them).
        var fieldColumns: [Int] = []
        fields.reserveCapacity(record.fields.count + 1)
        fieldColumns.reserveCapacity(record.fields.count)
        for (index, cell) in record.fields.enumerated() {
            let (value, replaced) = SheetSource.clean(cell)
            if replaced {
                return reject("\(columnName(index)) có byte không hợp lệ theo bảng mã \(encoding.rawValue)")
            }
            guard !value.isEmpty else { continue }
            let limit = index < columns.count ? (columns[index].field?.limit ?? FieldLimits.other) : FieldLimits.other
            if let problem = FieldLimits.problem(value, limit: limit) {
                return reject("\(columnName(index)) \(problem)")
            }
            guard index < columns.count else {
                // "column N" (not "cột N"): the name enters the row's identity, which must not change.
                extra.append(("column \(index + 1)", value))
                identityExtra.append(("column \(index + 1)", value))
                continue
            }
            let column = columns[index]
            if let field = column.field {
                if field != .ignore {
                    fields.append((field, value))
                    fieldColumns.append(index)
                }
            } else {
                // A column without a header is kept too, under its position.
                extra.append((columnNames[index], value))
                identityExtra.append((column.header.isEmpty ? "column \(index + 1)" : column.header, value))
            }
        }
        var row = SheetRow(fields: fields, extra: extra)
        func header(_ field: SheetField) -> String {
            if let last = fields.lastIndex(where: { $0.field == field }) { return columns[fieldColumns[last]].header }
            return columns.first { $0.field == field }?.header ?? field.rawValue
        }
        guard let text = row[.text] else { return reject("cột '\(header(.text))' (nội dung) trống") }
        var received: SheetDate?
        if let cell = row[.received] {
            let order = dateOrder
            guard let date = dates.value(for: cell, { SheetDate(parsing: $0, order: order) }) else {
                if SheetDate(parsing: cell, order: order.other) != nil {
                    return reject("cột '\(header(.received))': '\(cell)' chỉ đọc được theo thứ tự "
                        + (order == .dayFirst ? "tháng/ngày, mà cột này ghi ngày/tháng" : "ngày/tháng, mà cột này ghi tháng/ngày")
                        + " (một ngày như 05/12 không thể đoán); hãy sửa ô này")
                }
                return reject("cột '\(header(.received))': '\(cell)' không phải ngày hợp lệ (dd/mm/yyyy, d/m/yy hoặc yyyy-mm-dd, \(LocalDate.plausibleYearsText))")
            }
            if let problem = GrievanceDraft.futureReceiptProblem(date.instant, now: now) {
                return reject("cột '\(header(.received))': '\(cell)': \(problem)")
            }
            received = date
            row[.received] = date.iso
        }
        var kind: Kind?
        if let cell = row[.kind] {
            guard let parsed = kinds.value(for: cell, KindLabel.kind) else {
                return reject("cột '\(header(.kind))': '\(cell)' không phải loại đơn (phản ánh, kiến nghị, khiếu nại, tố cáo, ý kiến)")
            }
            kind = parsed
            row[.kind] = parsed.rawValue
        }
        if kind == .toCao && row[.name] == nil {
            return reject("cột '\(header(.kind))' ghi tố cáo nhưng không có họ tên: pháp luật không thụ lý tố cáo "
                + "nặc danh (Luật Tố cáo 2018); hãy ghi nhận là phản ánh")
        }
        var details = ["source": source]
        for (name, value) in extra { details["column: \(name)"] = value }
        if let reference = row[.reference] { details["reference"] = reference }
        // The identity of a row is its content as stored, so a re-export in another encoding or
        // date format, or with the columns in another order, is still the same row: "name=value"
        // for each field, then each other column, joined by U+001F, as bytes.
        var canonical: [UInt8] = []
        canonical.reserveCapacity(record.fields.reduce(64) { $0 + $1.utf8.count + 16 })
        func add(_ name: String, _ value: String) {
            if !canonical.isEmpty { canonical.append(0x1F) }
            canonical.append(contentsOf: name.utf8)
            canonical.append(UInt8(ascii: "="))
            canonical.append(contentsOf: value.utf8)
        }
        for (field, value) in row.fields.sorted(by: { $0.field.identityRank < $1.field.identityRank }) {
            add(field.rawValue, value)
        }
        for (header, value) in identityExtra.sorted(by: { VietText.fold($0.header) < VietText.fold($1.header) }) {
            add(VietText.fold(header), value)
        }
        var channel = Channel.csv
        if let cell = row[.channel] {
            // Words that name no channel are kept as written, never dropped.
            if let named = ChannelLabel.channel(cell) { channel = named } else { details["channel as written"] = cell }
        }
        return .record(IntakeRecord(
            source: source, key: "row:" + Digest.sha256Hex(canonical), text: text,
            submitter: Submitter(name: row[.name], address: row[.address], phone: row[.phone], email: row[.email]),
            receivedAt: received?.instant, kind: kind, topic: row[.topic], channel: channel,
            residential: row[.residential], details: details, origin: .sheet(row), raw: record.raw,
            quarantineOrigin: quarantineOrigin))
    }

    /// A cell as stored: NFC with mojibake repaired, CRLF inside the cell as LF, trimmed; and
    /// whether it holds U+FFFD, which the decoder put where bytes were not valid text.
    static func clean(_ cell: String) -> (value: String, replaced: Bool) {
        // One pass over the bytes finds what the slower steps below are needed for.
        var hasCR = false, nonASCII = false, replaced = false
        var bytes = cell
        bytes.withUTF8 { utf8 in
            for (index, byte) in utf8.enumerated() {
                if byte == 13 {
                    hasCR = true
                } else if byte >= 0x80 {
                    nonASCII = true
                    // U+FFFD is EF BF BD.
                    if byte == 0xEF, index + 2 < utf8.count, utf8[index + 1] == 0xBF, utf8[index + 2] == 0xBD { replaced = true }
                }
            }
        }
        var value = cell
        if hasCR { value = value.replacingLineBreaks }
        if nonASCII { value = VietText.normalize(value) }
        // Most cells begin and end with a visible ASCII character: nothing to trim.
        if let first = value.utf8.first, let last = value.utf8.last, (33..<128).contains(first), (33..<128).contains(last) {
            return (value, replaced)
        }
        return (value.trimmedWhitespace, replaced)
    }
}
