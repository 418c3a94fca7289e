/// What Casework refuses, in words people can act on (Vietnamese, the field first as elsewhere).
public enum CaseworkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The role does not allow the operation at all.
    case notAllowed(action: String, login: String)
    /// `--as` names no account.
    case unknownLogin(String)
    case disabled(String)
    case loginTaken(String)
    case badLogin(String)
    case unitNeeded(role: String)
    case unknownUnit(String)
    case weakPassword
    case reasonNeeded(what: String)
    /// An API key that is unknown, revoked, or of a disabled account.
    case badAPIKey

    public var description: String {
        switch self {
        case let .notAllowed(action, login):
            "as: người dùng '\(login)' không có quyền \(action)"
        case let .unknownLogin(login): "as: không có người dùng '\(login)'"
        case let .disabled(login): "as: tài khoản '\(login)' đã bị khóa"
        case let .loginTaken(login): "login: tên đăng nhập '\(login)' đã có"
        case let .badLogin(login):
            "login: '\(login)' không dùng được làm tên đăng nhập (2–64 chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới)"
        case let .unitNeeded(role): "unit: vai trò \(role) cần --unit (đơn vị của người dùng)"
        case let .unknownUnit(unit): "unit: không có đơn vị '\(unit)' trong danh bạ (routing-rules/units/)"
        case .weakPassword: "password-file: mật khẩu cần từ 10 đến 128 ký tự"
        case let .reasonNeeded(what): "reason: cần nêu lý do \(what)"
        case .badAPIKey: "api_key: khóa API không đúng, đã bị thu hồi hoặc tài khoản của khóa đã bị khóa"
        }
    }
}
