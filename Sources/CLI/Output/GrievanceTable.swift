import Foundation
import Domain

/// A plain-text table of grievances for people at a terminal; dates as dd/mm/yyyy, units by
/// their names where `unitNames` knows them (else their ids). Every cell goes through
/// `TerminalText.cell`.
enum GrievanceTable {
    /// - Parameter today: the day in Vietnam against which "QUÁ HẠN" (overdue) is marked.
    static func render(_ grievances: [Grievance], unitNames: [String: String] = [:], today: LocalDate = LocalDate(Date())) -> [String] {
        let header = ["MÃ", "TRẠNG THÁI", "LOẠI", "NGÀY NHẬN", "ĐƠN VỊ CHỦ TRÌ", "HẠN GIẢI QUYẾT", "QUÁ HẠN", "NỘI DUNG"]
        var rows = [header]
        // The grievances come from Casework, redacted for whoever asked.
        for g in grievances {
            rows.append([
                g.trackingCode.value, g.status.vietnameseName, g.kind.vietnameseName,
                LocalDate(g.receivedAt).display, g.leadUnit.map { unitNames[$0] ?? $0 } ?? "—", g.deadlines.resolve?.display ?? "—",
                g.isOverdue(on: today) ? "quá hạn" : "",
                excerpt(g.text, 48),
            ].map(TerminalText.cell))
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
        let flat = TerminalText.cell(text)
        return flat.count <= length ? flat : String(flat.prefix(length - 1)) + "…"
    }
}
