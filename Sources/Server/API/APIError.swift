public import HTTP
internal import Domain
internal import Storage
internal import Casework
internal import Presentation
internal import JSONText

/// The one error shape of the API: `{"error": {"code", "message", "field"}}` with the HTTP
/// status; the message in Vietnamese, the code for programs, the field when one input is at fault.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPStatus
    public var code: String
    public var message: String
    public var field: String?
    public var headers: HTTPHeaders

    public init(_ status: HTTPStatus, code: String, message: String, field: String? = nil, headers: HTTPHeaders = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers
    }

    static func notFound(_ what: String = "Không tìm thấy.") -> APIError { APIError(.notFound, code: "not_found", message: what) }
    static let unauthorized = APIError(.unauthorized, code: "unauthorized",
                                       message: "Cần đăng nhập: gửi Authorization: Bearer TOKEN (POST /api/v1/session).",
                                       headers: ["WWW-Authenticate": "Bearer"])
    static func invalid(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, code: "invalid_field", message: message, field: field)
    }

    /// Any error a handler lets out, as the API answers it. Unknown errors are a 500 whose
    /// message says nothing of the inside.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as HTTPError: return from(error)
        case let error as FieldError: return invalid(error.field, error.message)
        case let error as StoreError:
            switch error {
            case .notFound: return .notFound("Không tìm thấy đơn có mã này.")
            case .mergeTargetMissing, .mergeTargetMerged:
                return APIError(.unprocessableContent, code: "invalid_field", message: Self.message(of: error.description), field: "into")
            case .corruptRow: return internalError
            }
        case let error as TransitionError:
            return APIError(.conflict, code: "illegal_transition", message: error.description)
        case let error as CaseworkError:
            let (field, message) = split(error.description)
            switch error {
            case .notAllowed: return APIError(.forbidden, code: "forbidden", message: message)
            case .unknownLogin, .disabled: return APIError(.unauthorized, code: "unauthorized", message: message)
            case .badAPIKey: return APIError(.forbidden, code: "forbidden", message: message)
            case .loginTaken: return APIError(.conflict, code: "conflict", message: message, field: "login")
            default: return APIError(.badRequest, code: "invalid_field", message: message, field: field == "as" ? nil : field)
            }
        case let error as LoginError:
            switch error {
            case .refused: return APIError(.unauthorized, code: "login_failed", message: split(error.description).message)
            case let .throttled(minutes):
                return APIError(.tooManyRequests, code: "throttled", message: split(error.description).message,
                                headers: ["Retry-After": String(minutes * 60)])
            }
        default:
            return internalError
        }
    }

    static let internalError = APIError(.internalServerError, code: "internal_error",
                                        message: "Máy chủ gặp lỗi khi trả lời yêu cầu này; lỗi đã được ghi lại.")

    /// The HTTP layer's refusals (parser limits, unknown paths, methods), in Vietnamese.
    static func from(_ error: HTTPError) -> APIError {
        let message: String
        switch error.status.code {
        case 400: message = "Yêu cầu không đúng cú pháp HTTP."
        case 404: message = "Không có gì ở địa chỉ này."
        case 405: message = "Phương thức này không dùng được ở địa chỉ này."
        case 408: message = "Yêu cầu không đến kịp thời hạn."
        case 413: message = "Nội dung gửi lên quá lớn."
        case 414: message = "Địa chỉ yêu cầu quá dài."
        case 431: message = "Phần đầu yêu cầu quá lớn."
        case 501: message = "Máy chủ không hỗ trợ cách gửi này."
        case 503: message = "Máy chủ đang bận; thử lại sau giây lát."
        case 505: message = "Chỉ hỗ trợ HTTP/1.1 và HTTP/1.0."
        default: message = error.status.code >= 500 ? internalError.message : "Yêu cầu không hợp lệ."
        }
        return APIError(error.status, code: error.code, message: message, headers: error.headers)
    }

    /// "field: message" as the domain writes its errors, split.
    static func split(_ description: String) -> (field: String?, message: String) {
        guard let colon = description.firstIndex(of: ":"),
              description[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-" || $0 == "_") }) else {
            return (nil, description)
        }
        let message = description[description.index(after: colon)...].drop { $0 == " " }
        return (String(description[..<colon]), Self.capitalized(String(message)))
    }

    static func message(of description: String) -> String { split(description).message }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    var response: HTTPResponse {
        var json = JSONByteWriter()
        json.raw("{\"error\":{\"code\":"); json.string(code)
        json.raw(",\"field\":"); json.string(field)
        json.raw(",\"message\":"); json.string(message)
        json.raw("}}")
        var response = HTTPResponse(status: status, headers: headers, body: json.bytes)
        response.headers["Content-Type"] = "application/json; charset=utf-8"
        return response
    }
}
