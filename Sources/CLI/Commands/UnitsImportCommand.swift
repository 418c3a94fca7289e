import Foundation
import Domain
import Intake
import Routing

struct UnitsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "import",
        abstract: "Chuyển danh bạ đơn vị xuất từ bảng tính (CSV) thành tệp routing-rules/units/. (Convert a unit directory exported from a spreadsheet (CSV) into a routing-rules/units/ file.)",
        discussion: """
            Columns (English or Vietnamese, any order): id (mã), name (tên), type (loại), parent (cấp trên), \
            province (tỉnh), commune (xã), areas (khu dân cư), aliases (tên khác), members (thành viên), \
            notify (email), remote (vùng sâu). The result is checked together with the rules in --rules; \
            on any problem nothing is written and every problem is printed as file:line: message.
            """,
        arguments: [
            .positional("file", help: "the CSV file (UTF-8; comma, semicolon or tab)"),
            .option("out", value: "FILE", help: "where to write the .units file (default: standard output)"),
            .rulesDirectory,
        ],
        examples: ["danvan units import don-vi.csv --out routing-rules/units/phuong-moi.units"])

    let file: String
    let output: String?
    let rulesDirectory: String

    init(_ arguments: ParsedArguments) throws {
        file = try arguments.positional(0) ?? ""
        output = try arguments.string("out")
        rulesDirectory = try arguments.required("rules")
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw FieldError(field: file, message: "không đọc được tệp")
        }
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw FieldError(field: file, message: "tệp không phải UTF-8; hãy lưu bảng tính dạng \"CSV UTF-8\" hoặc chuyển mã bằng 'danvan text convert'")
        }
        let records: [CSVReader.Record]
        do {
            records = try CSVReader(detectingFrom: bytes).records(bytes)
        } catch {
            throw FieldError(field: "\(file):\(error.line)", message: error.message)
        }
        let (text, problems) = UnitSheet.convert(records.map { ($0.line, $0.fields) }, file: file)
        guard let text else { return try fail(problems) }
        // The new units must fit the rules in force: parents that exist, no duplicate ids, no cycles.
        var source = try RulesSource.read(directory: rulesDirectory)
        let target = output ?? (rulesDirectory as NSString).appendingPathComponent("units/imported.units")
        source.files.removeAll { $0.path == target }
        source.files.append(.init(path: target, contents: text))
        let (_, bookProblems) = RuleBookLoader.build(source, calendar: try CalendarLoader.load(rulesDirectory: rulesDirectory))
        guard bookProblems.isEmpty else { return try fail(bookProblems) }
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
            StandardStreams.printError("đã ghi \(records.count - 1) đơn vị vào \(output)")
        } else {
            StandardStreams.printText(text)
        }
    }

    private func fail(_ problems: [RulesProblem]) throws {
        for problem in problems { StandardStreams.printError(problem.description) }
        throw ExitCode.failure
    }
}
