internal import HTTP
internal import JSONText
internal import VietText

/// The parameters of an Open311 POST: an `application/x-www-form-urlencoded` body as GeoReport
/// v2 sends it, or a JSON object with the same names (`"attribute[kind]"` included); numbers and
/// booleans in JSON are read as written. A name given twice is refused: which one counts would
/// be a guess. Values are NFC; blank ones count as absent.
struct Open311Fields: Sendable {
    private var values: [String: String] = [:]

    init(_ request: HTTPRequest) throws(Open311Error) {
        let contentType = request.headers["Content-Type"]?.lowercased() ?? ""
        if contentType.hasPrefix("application/json") {
            try self.init(json: request.body)
        } else {
            guard contentType.isEmpty || contentType.hasPrefix("application/x-www-form-urlencoded") else {
                throw Open311Error(status: .unsupportedMediaType,
                                   message: "Chỉ nhận nội dung application/x-www-form-urlencoded (hoặc application/json).")
            }
            try self.init(form: request.body)
        }
    }

    init(form bytes: [UInt8]) throws(Open311Error) {
        guard let items = HTTPQueryItem.form(bytes) else {
            throw Open311Error.badRequest("Nội dung gửi lên không đúng dạng application/x-www-form-urlencoded (UTF-8, mã hóa phần trăm).")
        }
        for item in items { try add(item.name, item.value) }
    }

    init(json bytes: [UInt8]) throws(Open311Error) {
        let members: [(name: String, value: JSONInputValue)]
        do {
            members = try bytes.withUnsafeBufferPointer { buffer throws(StrictJSONReader.SyntaxError) in
                try StrictJSONReader.members(of: buffer)
            }
        } catch {
            throw Open311Error.badRequest("Nội dung không phải một đối tượng JSON hợp lệ (\(error)).")
        }
        for (name, value) in members {
            switch value {
            case let .string(text), let .number(text): try add(name, text)
            case let .bool(flag): try add(name, flag ? "true" : "false")
            case .null: try add(name, "")
            case .strings, .array, .object:
                throw Open311Error.badRequest("\(name): phải là một giá trị đơn (chuỗi hoặc số).")
            }
        }
    }

    private mutating func add(_ name: String, _ value: String) throws(Open311Error) {
        guard values.updateValue(value, forKey: name) == nil else {
            throw Open311Error.badRequest("\(name): tham số được gửi hai lần.")
        }
    }

    /// The value in NFC, nil when absent or blank.
    func string(_ name: String) -> String? {
        guard let value = values[name] else { return nil }
        let normalized = VietText.normalize(value)
        return normalized.allSatisfy(\.isWhitespace) ? nil : normalized
    }
}
