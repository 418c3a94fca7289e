/// Turns a unit directory kept in a spreadsheet (exported as CSV) into the `.units` text of
/// routing-rules/units/. Headers may be English or Vietnamese, with or without diacritics.
public enum UnitSheet {
    /// Folded header → field of the `.units` format.
    static let headers: [String: String] = [
        "id": "id", "ma": "id", "ma don vi": "id", "code": "id",
        "name": "name", "ten": "name", "ten don vi": "name",
        "type": "type", "loai": "type", "loai don vi": "type",
        "parent": "parent", "cap tren": "parent", "don vi cap tren": "parent", "truc thuoc": "parent",
        "province": "province", "tinh": "province", "ma tinh": "province",
        "commune": "commune", "xa": "commune", "ma xa": "commune", "xa phuong": "commune",
        "areas": "areas", "khu dan cu": "areas", "dia ban": "areas",
        "aliases": "aliases", "ten khac": "aliases",
        "members": "members", "thanh vien": "members",
        "notify": "notify", "email": "notify", "thu dien tu": "notify", "dia chi nhan thong bao": "notify",
        "remote": "remote", "vung sau": "remote", "vung sau vung xa": "remote",
    ]

    /// Folded Vietnamese names of unit types, besides the codes themselves.
    static let typeNames: [String: UnitType] = [
        "uy ban mttq tinh": .mttqTinh, "uy ban mttq thanh pho": .mttqTinh, "uy ban mttq xa": .mttqXa,
        "uy ban mttq phuong": .mttqXa, "ban cong tac mat tran": .banCongTacMatTran, "dang uy": .dangUy, "chi bo": .chiBo,
        "uy ban kiem tra": .uyBanKiemTra, "hoi lhpn": .hoiLHPN, "hoi lien hiep phu nu": .hoiLHPN, "doan tn": .doanTN,
        "doan thanh nien": .doanTN, "hoi ccb": .hoiCCB, "hoi cuu chien binh": .hoiCCB, "hoi nong dan": .hoiNongDan,
        "cong doan": .congDoan, "ubnd tinh": .ubndTinh, "ubnd xa": .ubndXa, "ubnd phuong": .ubndXa, "co quan khac": .coQuanKhac,
    ]

    /// - Parameters:
    ///   - rows: the CSV records, the first being the header, each with its line number.
    /// - Returns: the `.units` text, or every problem as `file:line: message`.
    public static func convert(_ rows: [(line: Int, fields: [String])], file: String) -> (text: String?, problems: [RulesProblem]) {
        guard let header = rows.first else {
            return (nil, [RulesProblem(file: file, line: 1, message: "bảng tính trống")])
        }
        var problems: [RulesProblem] = []
        var columns: [String: Int] = [:]
        for (index, title) in header.fields.enumerated() {
            let key = RoutingText.fold(title).trimmedWhitespace
            guard let field = headers[key] else {
                problems.append(RulesProblem(file: file, line: header.line, message: "không rõ cột '\(title)'; các cột: id, name, type, parent, province, commune, areas, aliases, members, notify, remote (hoặc tên tiếng Việt của chúng)"))
                continue
            }
            columns[field] = index
        }
        for needed in ["id", "name", "type"] where columns[needed] == nil {
            problems.append(RulesProblem(file: file, line: header.line, message: "bảng tính thiếu cột '\(needed)'"))
        }
        guard problems.isEmpty else { return (nil, problems) }
        var blocks: [String] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            func value(_ field: String) -> String {
                guard let column = columns[field], column < row.fields.count else { return "" }
                return row.fields[column].trimmedWhitespace
            }
            let id = value("id")
            guard !id.isEmpty, !id.contains(" ") else {
                problems.append(RulesProblem(file: file, line: row.line, message: "id: '\(id)' phải là một từ, ví dụ mttq-bay-hien"))
                continue
            }
            if let earlier = seen[id] {
                problems.append(RulesProblem(file: file, line: row.line, message: "id: '\(id)' đã dùng ở dòng \(earlier)"))
                continue
            }
            seen[id] = row.line
            let typeText = value("type")
            guard let type = UnitType(rawValue: typeText) ?? typeNames[RoutingText.fold(typeText).trimmedWhitespace] else {
                problems.append(RulesProblem(file: file, line: row.line, message: "type: không có loại đơn vị '\(typeText)'; các loại: \(UnitType.allCodes)"))
                continue
            }
            guard !value("name").isEmpty else {
                problems.append(RulesProblem(file: file, line: row.line, message: "name: đơn vị \(id) chưa có tên"))
                continue
            }
            var lines = ["unit \(id)  # \(file):\(row.line)", "  name: \(value("name").replacingHash())", "  type: \(type.rawValue)"]
            for field in ["parent", "province", "commune", "areas", "aliases", "members", "notify"] where !value(field).isEmpty {
                // Line breaks inside a cell would break the format: they become the list separator.
                let separator = field == "aliases" || field == "members" ? "; " : ", "
                let cleaned = value(field).split(whereSeparator: \.isNewline).map(\.trimmedWhitespace).joined(separator: separator)
                lines.append("  \(field): \(cleaned.replacingHash())")
            }
            let remote = RoutingText.fold(value("remote")).trimmedWhitespace
            if ["yes", "co", "x", "1", "true"].contains(remote) { lines.append("  remote: yes") }
            blocks.append(lines.joined(separator: "\n"))
        }
        guard problems.isEmpty else { return (nil, problems) }
        return ("# Imported from \(file) by danvan units import; edit here or re-import the sheet.\n\n"
                + blocks.joined(separator: "\n\n") + "\n", [])
    }
}

extension String {
    /// "#" starts a comment in rules files; in a cell it is text ("Tổ #3"), so it is spelt out.
    func replacingHash() -> String { split(separator: "#", omittingEmptySubsequences: false).joined(separator: "số ") }
}
