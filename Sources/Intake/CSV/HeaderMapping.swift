internal import Foundation
internal import VietText

/// Maps a sheet's header cells to fields. Headers are compared folded (no diacritics, lowercase,
/// punctuation as spaces), so "Họ và tên", "HO VA TEN" and "Ho va ten:" are the same header.
/// Offices with unusual sheets add their own headers with a mapping file.
public struct HeaderMapping: Sendable {
    private var known: [String: SheetField]

    /// The headers seen in Front offices' sheets, in Vietnamese (with or without marks) and English.
    public static let standard = HeaderMapping(known: {
        var table: [String: SheetField] = [:]
        let entries: [(SheetField, [String])] = [
            (.name, ["họ tên", "họ và tên", "tên", "họ tên người gửi", "người gửi", "người viết đơn", "người đứng đơn",
                     "công dân", "tên công dân", "người phản ánh", "người kiến nghị", "full name", "name", "sender",
                     "citizen"]),
            (.address, ["địa chỉ", "nơi ở", "địa chỉ liên hệ", "địa chỉ thường trú", "nơi cư trú", "chỗ ở",
                        "địa chỉ người gửi", "address"]),
            (.phone, ["số điện thoại", "điện thoại", "sđt", "số đt", "đt", "đtdđ", "di động", "phone", "phone number",
                      "mobile", "tel", "telephone"]),
            (.email, ["email", "e mail", "thư điện tử", "địa chỉ email", "mail"]),
            (.text, ["nội dung", "nội dung đơn", "nội dung phản ánh", "nội dung kiến nghị", "nội dung khiếu nại",
                     "nội dung tố cáo", "tóm tắt nội dung", "nội dung vụ việc", "ý kiến", "nội dung ý kiến", "content",
                     "text", "description", "details", "message", "summary"]),
            (.received, ["ngày nhận", "ngày tiếp nhận", "ngày", "ngày gửi", "thời gian", "ngày nhận đơn", "thời gian nhận",
                         "ngày tháng", "date", "date received", "received", "received at", "received date"]),
            (.kind, ["loại đơn", "phân loại", "loại", "phân loại đơn", "loại đơn thư", "hình thức đơn", "kind", "type"]),
            (.topic, ["lĩnh vực", "chủ đề", "topic", "subject area"]),
            (.reference, ["số đơn", "mã hồ sơ", "số hồ sơ", "mã đơn", "số hiệu", "số văn bản", "reference", "ref"]),
            (.channel, ["nguồn", "kênh", "kênh tiếp nhận", "nguồn tiếp nhận", "hình thức tiếp nhận", "hình thức gửi", "nguồn đơn",
                          "channel", "source"]),
            (.residential, ["khu phố", "ấp", "thôn", "tổ dân phố", "khu dân cư", "residential area"]),
            (.ignore, ["stt", "tt", "số tt", "số thứ tự", "no"]),
        ]
        for (field, headers) in entries {
            for header in headers { table[VietText.fold(header)] = field }
        }
        return table
    }())

    /// The field a header cell stands for, or nil when the column is not one of them.
    public func field(forHeader header: String) -> SheetField? {
        known[VietText.fold(header)]
    }

    /// A mapping file's problem, naming the file and line.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Adds the lines of a mapping file, `Header as written = field`, `#` comments allowed. A
    /// file's entries win over the standard ones.
    public func adding(file path: String) throws(Problem) -> HeaderMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "\(path): không đọc được tệp ánh xạ cột")
        }
        var mapping = self
        let fields = SheetField.allCases.map(\.rawValue).joined(separator: ", ")
        for (offset, rawLine) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.lastIndex(of: "=") else {
                throw Problem(description: "\(path):\(offset + 1): cần dòng dạng 'Tên cột = trường', gặp '\(line)'")
            }
            let header = line[..<equals].trimmingCharacters(in: .whitespaces)
            let name = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let field = SheetField(rawValue: name) else {
                throw Problem(description: "\(path):\(offset + 1): không có trường '\(name)'; các trường: \(fields)")
            }
            guard !VietText.fold(header).isEmpty else {
                throw Problem(description: "\(path):\(offset + 1): tên cột trước dấu '=' trống")
            }
            mapping.known[VietText.fold(header)] = field
        }
        return mapping
    }
}
