internal import Foundation
internal import VietText
internal import Presentation
internal import JSONText

/// A request's JSON object, read strictly (RFC 8259): the body must be one object; each field,
/// when present and not null, must have the type asked for, or the error names it. A field
/// given twice is refused: which one counts would be a guess.
struct JSONBody {
    private var members: [String: JSONInputValue] = [:]

    init(_ bytes: [UInt8]) throws(APIError) {
        guard !bytes.isEmpty else { throw APIError.invalid("body", "Cần nội dung JSON (một đối tượng).") }
        let parsed: [(name: String, value: JSONInputValue)]
        do {
            parsed = try bytes.withUnsafeBufferPointer { buffer throws(StrictJSONReader.SyntaxError) in
                try StrictJSONReader.members(of: buffer)
            }
        } catch {
            throw APIError.invalid("body", "Nội dung không phải một đối tượng JSON hợp lệ (\(error)).")
        }
        for (name, value) in parsed {
            guard members.updateValue(value, forKey: name) == nil else {
                throw APIError.invalid(name, "Trường '\(name)' được gửi hai lần.")
            }
        }
    }

    /// A string field in NFC; blank counts as absent.
    func string(_ key: String) throws(APIError) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case let .string(text)?:
            let normalized = VietText.normalize(text)
            return normalized.allSatisfy(\.isWhitespace) ? nil : normalized
        default: throw APIError.invalid(key, "Trường '\(key)' phải là chuỗi.")
        }
    }

    func required(_ key: String) throws(APIError) -> String {
        guard let value = try string(key) else { throw APIError.invalid(key, "Thiếu trường '\(key)'.") }
        return value
    }

    func bool(_ key: String) throws(APIError) -> Bool? {
        switch members[key] {
        case nil, .null?: return nil
        case let .bool(value)?: return value
        default: throw APIError.invalid(key, "Trường '\(key)' phải là true hoặc false.")
        }
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        switch members[key] {
        case nil, .null?: return nil
        case let .number(literal)?:
            if let value = Int(literal), range.contains(value) { return value }
            fallthrough
        default:
            throw APIError.invalid(key, "Trường '\(key)' phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound).")
        }
    }

    func strings(_ key: String) throws(APIError) -> [String] {
        switch members[key] {
        case nil, .null?: return []
        case let .strings(list)?: return list.map(VietText.normalize)
        default: throw APIError.invalid(key, "Trường '\(key)' phải là danh sách chuỗi.")
        }
    }
}
