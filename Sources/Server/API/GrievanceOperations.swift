internal import Foundation
internal import HTTP
internal import Domain
internal import Storage
internal import Casework
internal import Presentation
internal import VietText

/// Grievances: register, list, read, move, extend, correct, and reveal a protected identity.
enum GrievanceOperations {
    static let codeParameter = APIOperation.Parameter.path("tracking_code", "Mã đơn (10 chữ cái và chữ số, ví dụ K7M3Q-9TXR2)")
    static let grievanceResponse = APIOperation.Response(status: 200, description: "Đơn", schema: APISchemas.ref("Grievance"))

    static func all(_ context: APIContext) -> [APIOperation] {
        let casework = context.casework
        return [
            APIOperation(method: .get, path: "/api/v1/grievances", id: "listGrievances",
                         summary: "Danh sách đơn người dùng được xem, mới nhất trước", access: .session,
                         parameters: [
                            .query("status", "Trạng thái: " + Status.allCodes, schema: ["type": "string", "enum": .array(Status.allCases.map { .string($0.rawValue) })]),
                            .query("unit", "Đơn vị chủ trì hoặc phối hợp"),
                            .query("overdue", "Chỉ đơn quá hạn hôm nay", schema: ["type": "boolean"]),
                            .query("q", "Chứa các chữ này trong nội dung"),
                            .query("limit", "Số đơn tối đa (1–200, mặc định 50)", schema: ["type": "integer", "minimum": 1, "maximum": 200]),
                            .query("cursor", "Trang sau: giá trị `next` của trang trước"),
                         ],
                         responses: [.init(status: 200, description: "Một trang đơn", schema: APISchemas.ref("GrievanceList"))]) { request in
                let limit = try integerQuery(request, "limit", in: 1...200) ?? 50
                var filter = GrievanceFilter(limit: limit + 1)
                if let status = request.http.query("status") {
                    guard let parsed = Status(rawValue: status) else {
                        throw APIError.invalid("status", "Không có trạng thái '\(status)'; các trạng thái: \(Status.allCodes).")
                    }
                    filter.status = parsed
                }
                filter.unit = request.http.query("unit").flatMap { $0.isEmpty ? nil : $0 }
                filter.textContains = request.http.query("q").map(VietText.normalize).flatMap { $0.isEmpty ? nil : $0 }
                if let overdue = request.http.query("overdue") {
                    guard let flag = Bool(overdue) else { throw APIError.invalid("overdue", "'overdue' là true hoặc false.") }
                    if flag { filter.overdueOn = LocalDate(request.now) }
                }
                if let cursor = request.http.query("cursor") {
                    guard let position = ListCursor(cursor) else { throw APIError.invalid("cursor", "Giá trị 'cursor' không hợp lệ.") }
                    filter.after = (position.receivedAt, position.trackingCode)
                }
                var found = try casework.list(filter, as: try request.principal, at: request.now)
                var next: String?
                if found.count > limit {
                    found.removeLast(found.count - limit)
                    next = found.last.map { ListCursor(receivedAt: $0.receivedAt, trackingCode: $0.trackingCode).text }
                }
                let today = LocalDate(request.now)
                return APIServer.json { json in
                    json.raw("{\"items\":[")
                    var first = true
                    for grievance in found {
                        json.separator(&first)
                        GrievanceJSON(grievance: grievance, events: nil, today: today).write(to: &json)
                    }
                    json.raw("],\"next\":"); json.string(next)
                    json.raw("}")
                }
            },
            APIOperation(method: .post, path: "/api/v1/grievances", id: "registerGrievance",
                         summary: "Ghi nhận đơn: định vị, phân loại và chuyển theo quy tắc", access: .session,
                         requestBody: APISchemas.ref("NewGrievance"),
                         responses: [.init(status: 201, description: "Đã ghi nhận", schema: APISchemas.ref("Grievance"), headers: ["Location"])]) { request in
                let body = try request.body
                let (draft, topic, route) = try NewGrievanceBody.read(body, now: request.now, channel: .api)
                let principal = try request.principal
                let registration = try casework.register(draft, topic: topic, route: route, routing: context.routing,
                                                         as: principal, at: request.now)
                return created(registration.grievance, casework: casework, principal: principal, now: request.now)
            },
            APIOperation(method: .get, path: "/api/v1/grievances/{tracking_code}", id: "getGrievance",
                         summary: "Một đơn với lịch sử xử lý; 404 nếu không có hoặc không được xem", access: .session,
                         parameters: [codeParameter], responses: [grievanceResponse]) { request in
                let (grievance, events) = try casework.show(try code(request), as: try request.principal, at: request.now)
                return APIServer.json(GrievanceJSON(grievance: grievance, events: events, today: LocalDate(request.now)).bytes)
            },
            APIOperation(method: .post, path: "/api/v1/grievances/{tracking_code}/transitions", id: "transitionGrievance",
                         summary: "Chuyển trạng thái (giao, thụ lý, giải quyết, chuyển, gộp…); 409 nếu không được phép",
                         access: .session, parameters: [codeParameter], requestBody: APISchemas.ref("Transition"),
                         responses: [grievanceResponse]) { request in
                let body = try request.body
                let to = try body.required("to")
                guard let status = Status(rawValue: to) else {
                    throw APIError.invalid("to", "Không có trạng thái '\(to)'; các trạng thái: \(Status.allCodes).")
                }
                let transition = TransitionRequest(
                    to: status, reason: try body.string("reason"), unit: try body.string("unit"),
                    coordinatingUnits: try body.strings("coordinating"), authority: try body.string("authority"),
                    authorityDue: try body.string("authority_due").map { text throws(APIError) in
                        guard let day = LocalDate(typed: text), day.isPlausible else {
                            throw APIError.invalid("authority_due", "'\(text)' không phải ngày (\(LocalDate.typedFormats)).")
                        }
                        return day
                    },
                    mergedInto: try body.string("into").map { text throws(APIError) in
                        guard let code = TrackingCode(parsing: text) else { throw APIError.invalid("into", "'\(text)' không phải mã đơn.") }
                        return code
                    },
                    overrideConflict: try body.string("override_conflict"))
                let grievance = try casework.transition(try code(request), transition, as: try request.principal, at: request.now)
                return APIServer.json(GrievanceJSON(grievance: grievance, events: nil, today: LocalDate(request.now)).bytes)
            },
            APIOperation(method: .post, path: "/api/v1/grievances/{tracking_code}/extensions", id: "extendGrievance",
                         summary: "Gia hạn giải quyết trong giới hạn luật cho phép", access: .session,
                         parameters: [codeParameter], requestBody: APISchemas.ref("Extension"), responses: [grievanceResponse]) { request in
                let body = try request.body
                guard let days = try body.integer("days", in: 1...365) else { throw APIError.invalid("days", "Thiếu trường 'days'.") }
                let reason = try body.required("reason")
                let grievance = try casework.extend(try code(request), days: days, reason: reason, as: try request.principal, at: request.now)
                return APIServer.json(GrievanceJSON(grievance: grievance, events: nil, today: LocalDate(request.now)).bytes)
            },
            APIOperation(method: .post, path: "/api/v1/grievances/{tracking_code}/corrections", id: "correctGrievance",
                         summary: "Sửa chủ đề và/hoặc loại đơn; chuyển lại theo quy tắc trừ khi route=false", access: .session,
                         parameters: [codeParameter], requestBody: APISchemas.ref("Correction"), responses: [grievanceResponse]) { request in
                let body = try request.body
                let topic = try body.string("topic")
                let kind = try body.string("kind").map { text throws(APIError) in
                    guard let kind = Kind(code: text) else { throw APIError.invalid("kind", "Không có loại đơn '\(text)'; các loại: \(Kind.allCodes).") }
                    return kind
                }
                guard topic != nil || kind != nil else { throw APIError.invalid("topic", "Cần 'topic', 'kind' hoặc cả hai.") }
                if let topic, context.routing.book.topics[topic] == nil {
                    throw APIError.invalid("topic", "Không có chủ đề '\(topic)'.")
                }
                let route = try body.bool("route") ?? true
                let routing = context.routing
                let grievance = try casework.correct(try code(request), topic: topic, kind: kind,
                                                     reroute: route ? { try routing.rerouteAfterCorrection($0) } : nil,
                                                     as: try request.principal, at: request.now)
                return APIServer.json(GrievanceJSON(grievance: grievance, events: nil, today: LocalDate(request.now)).bytes)
            },
            APIOperation(method: .post, path: "/api/v1/grievances/{tracking_code}/identity", id: "revealIdentity",
                         summary: "Xem danh tính người tố cáo (quản trị hoặc người được cấp quyền), có lý do; ghi nhật ký",
                         access: .session, parameters: [codeParameter], requestBody: APISchemas.ref("Reveal"),
                         responses: [grievanceResponse]) { request in
                let reason = try request.body.required("reason")
                let (grievance, events) = try casework.revealIdentity(try code(request), reason: reason, as: try request.principal,
                                                                      at: request.now)
                return APIServer.json(GrievanceJSON(grievance: grievance, events: events, today: LocalDate(request.now)).bytes)
            },
        ]
    }

    /// An unparsable code is answered as an unknown one.
    static func code(_ request: APIRequest) throws(APIError) -> TrackingCode {
        guard let code = TrackingCode(parsing: request.parameter("tracking_code")) else {
            throw APIError.notFound("Không tìm thấy đơn có mã này.")
        }
        return code
    }

    static func integerQuery(_ request: APIRequest, _ name: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let text = request.http.query(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.invalid(name, "'\(name)' là số nguyên từ \(range.lowerBound) đến \(range.upperBound).")
        }
        return value
    }

    /// 201 with the grievance as `show` gives it (with its history) when the registrant may see
    /// it, else as registered; Location names it.
    static func created(_ grievance: Grievance, casework: Casework, principal: Principal, now: Date) -> HTTPResponse {
        let shown = try? casework.show(grievance.trackingCode, as: principal, at: now)
        let json = GrievanceJSON(grievance: shown?.0 ?? grievance, events: shown?.1, today: LocalDate(now))
        return APIServer.json(json.bytes, status: .created,
                              headers: ["Location": "/api/v1/grievances/\(grievance.trackingCode.value)"])
    }
}
