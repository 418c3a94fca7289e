internal import Foundation
internal import HTTP
internal import Domain
internal import Storage
internal import Casework
internal import Presentation

/// Accounts, the audit log and the import quarantine: what Casework allows admins (and, for the
/// quarantine, the desk).
enum AdminOperations {
    static func all(_ context: APIContext) -> [APIOperation] {
        let casework = context.casework
        return [
            APIOperation(method: .get, path: "/api/v1/users", id: "listUsers", summary: "Người dùng (quản trị)", access: .session,
                         responses: [.init(status: 200, description: "Người dùng", schema: DirectoryOperations.itemsOf("User"))]) { request in
                let users = try casework.users(as: try request.principal)
                return APIServer.json { json in
                    json.raw("{\"items\":[")
                    var first = true
                    for user in users {
                        json.separator(&first)
                        SessionOperations.writeUser(user.principal, name: user.name, disabled: user.disabled, to: &json)
                    }
                    json.raw("]}")
                }
            },
            APIOperation(method: .post, path: "/api/v1/users", id: "addUser",
                         summary: "Thêm người dùng với mật khẩu dùng một lần (quản trị)", access: .session,
                         requestBody: APISchemas.ref("NewUser"),
                         responses: [.init(status: 201, description: "Đã thêm; mật khẩu chỉ hiện một lần",
                                           schema: APISchemas.ref("NewUserPassword"))]) { request in
                let body = try request.body
                let login = try body.required("login")
                let roleText = try body.required("role")
                guard let role = Role(rawValue: roleText) else {
                    throw APIError.invalid("role", "Không có vai trò '\(roleText)'; các vai trò: \(Role.allCodes).")
                }
                let (user, password) = try casework.addUser(login: login, role: role, unit: try body.string("unit"),
                                                            name: try body.string("name"), password: nil,
                                                            as: try request.principal, at: request.now)
                return APIServer.json(status: .created) { json in
                    json.raw("{\"login\":"); json.string(user.login)
                    json.raw(",\"password\":"); json.string(password)
                    json.raw(",\"role\":"); json.string(user.role.rawValue)
                    json.raw(",\"unit\":"); json.string(user.unit)
                    json.raw("}")
                }
            },
            APIOperation(method: .post, path: "/api/v1/users/{login}/disable", id: "disableUser",
                         summary: "Khóa tài khoản; các phiên của tài khoản hết hiệu lực (quản trị)", access: .session,
                         parameters: [.path("login", "Tên đăng nhập")],
                         responses: [.init(status: 204, description: "Đã khóa")]) { request in
                let login = request.parameter("login")
                try casework.disableUser(login, as: try request.principal, at: request.now)
                context.sessions.closeAll(of: login)
                return HTTPResponse(status: .noContent)
            },
            APIOperation(method: .get, path: "/api/v1/audit", id: "listAudit", summary: "Nhật ký kiểm tra, mới nhất trước (quản trị)",
                         access: .session,
                         parameters: [
                            .query("login", "Của người dùng này"), .query("tracking_code", "Về đơn này"),
                            .query("limit", "Số dòng tối đa (1–1000, mặc định 100)", schema: ["type": "integer", "minimum": 1, "maximum": 1000]),
                         ],
                         responses: [.init(status: 200, description: "Nhật ký", schema: DirectoryOperations.itemsOf("AuditEntry"))]) { request in
                let limit = try GrievanceOperations.integerQuery(request, "limit", in: 1...1000) ?? 100
                var code: TrackingCode?
                if let text = request.http.query("tracking_code") {
                    guard let parsed = TrackingCode(parsing: text) else { throw APIError.invalid("tracking_code", "'\(text)' không phải mã đơn.") }
                    code = parsed
                }
                let entries = try casework.audit(login: request.http.query("login"), trackingCode: code, limit: limit,
                                                 as: try request.principal)
                return APIServer.json { json in
                    json.raw("{\"items\":[")
                    var first = true
                    for entry in entries {
                        json.separator(&first)
                        json.raw("{\"action\":"); json.string(entry.action)
                        json.raw(",\"at\":"); json.string(Timestamp.format(entry.at))
                        json.raw(",\"detail\":"); json.string(entry.detail)
                        json.raw(",\"login\":"); json.string(entry.login)
                        json.raw(",\"subject\":"); json.string(entry.subject)
                        json.raw(",\"tracking_code\":"); json.string(entry.trackingCode)
                        json.raw("}")
                    }
                    json.raw("]}")
                }
            },
            APIOperation(method: .get, path: "/api/v1/quarantine", id: "listQuarantine",
                         summary: "Hàng nhập bị cách ly, xem trước đã che dữ liệu cá nhân (bộ phận tiếp nhận, quản trị)", access: .session,
                         responses: [.init(status: 200, description: "Hàng cách ly", schema: DirectoryOperations.itemsOf("QuarantineRow"))]) { request in
                let rows = try casework.quarantine(previewLength: 120, reveal: false, as: try request.principal, at: request.now)
                return APIServer.json { json in
                    json.raw("{\"items\":[")
                    var first = true
                    for row in rows {
                        json.separator(&first)
                        json.raw("{\"id\":"); json.int(Int(row.id))
                        json.raw(",\"preview\":"); json.string(row.preview)
                        json.raw(",\"reason\":"); json.string(row.reason)
                        json.raw(",\"source\":"); json.string(row.source)
                        json.raw("}")
                    }
                    json.raw("]}")
                }
            },
        ]
    }
}
