internal import Foundation
internal import HTTP
internal import Domain
internal import Casework
internal import Presentation

/// What citizens use without an account: following their petition by its code, and sending one.
/// Both are limited per client address.
enum PublicOperations {
    static func all(_ context: APIContext) -> [APIOperation] {
        let casework = context.casework
        return [
            APIOperation(method: .get, path: "/api/v1/public/status/{tracking_code}", id: "publicStatus",
                         summary: "Tình trạng đơn theo mã (không cần đăng nhập, không có dữ liệu cá nhân)", access: .open,
                         parameters: [GrievanceOperations.codeParameter],
                         responses: [.init(status: 200, description: "Tình trạng", schema: APISchemas.ref("PublicStatus"))]) { request in
                try limit(context.publicLookups, request, what: "tra cứu")
                let status = try casework.publicStatus(try GrievanceOperations.code(request))
                return APIServer.json { json in
                    json.raw("{\"answer\":"); json.string(status.answer)
                    json.raw(",\"due_resolve\":"); json.string(status.dueResolve?.iso)
                    json.raw(",\"received\":"); json.string(status.received.iso)
                    json.raw(",\"status\":"); json.string(status.status.rawValue)
                    json.raw(",\"status_name\":"); json.string(status.status.vietnameseName)
                    json.raw(",\"tracking_code\":"); json.string(status.trackingCode.value)
                    json.raw("}")
                }
            },
            APIOperation(method: .post, path: "/api/v1/public/grievances", id: "publicSubmit",
                         summary: "Công dân gửi đơn (không cần đăng nhập; giới hạn theo địa chỉ)", access: .open,
                         requestBody: APISchemas.ref("PublicGrievance"),
                         responses: [.init(status: 201, description: "Đã nhận; giữ mã để tra cứu", schema: APISchemas.ref("Created"))]) { request in
                let body = try request.body
                let (draft, _, _) = try NewGrievanceBody.read(body, now: request.now, channel: .form, staff: false)
                try limit(context.publicSubmissions, request, what: "gửi đơn")
                let registration = try casework.register(draft, topic: nil, route: true, routing: context.routing,
                                                         as: context.publicPrincipal, at: request.now)
                let code = registration.grievance.trackingCode.value
                return APIServer.json(status: .created, headers: ["Location": "/api/v1/public/status/\(code)"]) { json in
                    json.raw("{\"tracking_code\":"); json.string(code)
                    json.raw("}")
                }
            },
        ]
    }

    static func limit(_ limiter: RateLimiter, _ request: APIRequest, what: String) throws(APIError) {
        let address = request.clientAddress
        guard limiter.allow(address, at: request.now) else {
            let seconds = limiter.retryAfter(address, at: request.now)
            throw APIError(.tooManyRequests, code: "rate_limited",
                           message: "Quá nhiều lượt \(what) từ địa chỉ này; thử lại sau \(seconds) giây.",
                           headers: ["Retry-After": String(seconds)])
        }
    }
}
