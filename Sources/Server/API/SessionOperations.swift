internal import HTTP
internal import Domain
internal import Casework
internal import Presentation
internal import JSONText

/// Logging in and out, and changing one's password.
enum SessionOperations {
    static func all(_ context: APIContext) -> [APIOperation] {
        [
            APIOperation(method: .post, path: "/api/v1/session", id: "login", summary: "Đăng nhập, nhận mã phiên (bearer token)",
                         access: .open, requestBody: APISchemas.ref("Login"),
                         responses: [.init(status: 200, description: "Đã đăng nhập", schema: APISchemas.ref("Session"))]) { request in
                let body = try request.body
                let login = try body.required("login")
                guard let password = try body.string("password") else { throw APIError.invalid("password", "Thiếu trường 'password'.") }
                let result = try context.casework.login(login, password: password, address: request.clientAddress, at: request.now)
                let token = context.sessions.open(result.principal, mustChangePassword: result.mustChangePassword, at: request.now)
                return APIServer.json { json in
                    json.raw("{\"must_change_password\":"); json.bool(result.mustChangePassword)
                    json.raw(",\"token\":"); json.string(token)
                    json.raw(",\"user\":"); writeUser(result.principal, name: nil, disabled: false, to: &json)
                    json.raw("}")
                }
            },
            APIOperation(method: .delete, path: "/api/v1/session", id: "logout", summary: "Đăng xuất (mã phiên hết hiệu lực)",
                         access: .session, responses: [.init(status: 204, description: "Đã đăng xuất")]) { request in
                if let token = request.token { context.sessions.close(token) }
                return HTTPResponse(status: .noContent)
            },
            APIOperation(method: .post, path: "/api/v1/session/password", id: "changePassword",
                         summary: "Đổi mật khẩu của chính mình (bắt buộc sau mật khẩu dùng một lần)", access: .session,
                         requestBody: APISchemas.ref("PasswordChange"),
                         responses: [.init(status: 204, description: "Đã đổi mật khẩu")]) { request in
                let body = try request.body
                guard let current = try body.string("current") else { throw APIError.invalid("current", "Thiếu trường 'current'.") }
                guard let new = try body.string("new") else { throw APIError.invalid("new", "Thiếu trường 'new'.") }
                let principal = try request.principal
                do {
                    try context.casework.changePassword(principal.login, current: current, new: new, at: request.now)
                } catch CaseworkError.weakPassword {
                    throw APIError.invalid("new", "Mật khẩu mới cần từ 10 đến 128 ký tự.")
                } catch LoginError.refused {
                    throw APIError(.forbidden, code: "login_failed", message: "Mật khẩu hiện tại không đúng.", field: "current")
                }
                if let token = request.token { context.sessions.passwordChanged(token) }
                return HTTPResponse(status: .noContent)
            },
        ]
    }

    static func writeUser(_ principal: Principal, name: String?, disabled: Bool, to json: inout JSONByteWriter) {
        json.raw("{\"disabled\":"); json.bool(disabled)
        json.raw(",\"login\":"); json.string(principal.login)
        json.raw(",\"name\":"); json.string(name)
        json.raw(",\"role\":"); json.string(principal.role.rawValue)
        json.raw(",\"unit\":"); json.string(principal.unit)
        json.raw("}")
    }
}
