internal import HTTP
internal import Domain
internal import Storage
internal import Casework

/// An error as GeoReport v2 writes it: `[{"code": 404, "description": "…"}]`, in XML
/// `<errors><error><code>404</code><description>…</description></error></errors>`, with the
/// HTTP status (404 for what does not exist, 403 for a missing or wrong api_key, 400 for any
/// other request that cannot be fulfilled); the description in Vietnamese, for the user.
struct Open311Error: Error, Sendable {
    var status: HTTPStatus
    var message: String
    var headers: HTTPHeaders = [:]

    static func notFound(_ message: String) -> Open311Error { Open311Error(status: .notFound, message: message) }
    static func badRequest(_ message: String) -> Open311Error { Open311Error(status: .badRequest, message: message) }
    static func forbidden(_ message: String) -> Open311Error { Open311Error(status: .forbidden, message: message) }

    static let missingKey = forbidden("Thiếu khóa API (api_key). Quản trị viên cấp khóa cho tài khoản bằng lệnh danvan user api-key.")
    static let badKey = forbidden("Khóa API (api_key) không đúng, đã bị thu hồi, hoặc tài khoản của khóa đã bị khóa.")
    static let unknownRequest = notFound("Không tìm thấy yêu cầu có mã này.")

    func response(_ format: Open311Format) -> HTTPResponse {
        let error = Open311Value.fields([.init("code", .integer(status.code)), .init("description", .text(message))])
        return Open311Value.list(item: "error", [error]).response(root: "errors", format: format, status: status, headers: headers)
    }

    /// Whatever a handler lets out, as Open311 answers it; unknown errors are a 500 that says
    /// nothing of the inside.
    /// - Parameter fields: the request parameters the domain's field names stand for.
    static func from(_ error: any Error, fields: [String: String] = [:]) -> Open311Error {
        switch error {
        case let error as Open311Error: return error
        case let error as FieldError:
            let name = fields[error.field] ?? error.field
            return badRequest("\(name): \(error.message).")
        case let error as CaseworkError:
            switch error {
            case .badAPIKey, .unknownLogin, .disabled: return badKey
            case .notAllowed:
                return forbidden("Tài khoản của khóa API không có quyền \(action(of: error)).")
            default: return badRequest(APIError.message(of: error.description) + ".")
            }
        case let error as StoreError:
            switch error {
            case .notFound: return unknownRequest
            default: return Open311Error(status: .internalServerError, message: APIError.internalError.message)
            }
        case let error as APIError:
            return Open311Error(status: error.status, message: error.message, headers: error.headers)
        case let error as HTTPError:
            let api = APIError.from(error)
            return Open311Error(status: api.status, message: api.message, headers: api.headers)
        default:
            return Open311Error(status: .internalServerError, message: APIError.internalError.message)
        }
    }

    /// "ghi nhận đơn" out of "as: người dùng 'x' không có quyền ghi nhận đơn".
    private static func action(of error: CaseworkError) -> String {
        guard case let .notAllowed(action, _) = error else { return "" }
        return action
    }
}
