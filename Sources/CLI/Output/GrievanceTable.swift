import Domain

/// A plain-text table of grievances for people at a terminal; dates as dd/mm/yyyy.
enum GrievanceTable {
    static func render(_ grievances: [Grievance]) -> [String] {
        let header = ["MÃ", "TRẠNG THÁI", "LOẠI", "NGÀY NHẬN", "ĐƠN VỊ CHỦ TRÌ", "HẠN GQ", "NỘI DUNG"]
        var rows = [header]
        for g in grievances {
            rows.append([
                g.trackingCode.value, g.status.vietnameseName, g.kind.vietnameseName,
                LocalDate(g.receivedAt).display, g.leadUnit ?? "—", g.deadlines.resolve?.display ?? "—",
                excerpt(g.text, 48),
            ])
        }
        var widths = Array(repeating: 0, count: header.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
    }

    private static func excerpt(_ text: String, _ length: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= length ? flat : String(flat.prefix(length - 1)) + "…"
    }
}
