internal import Foundation
internal import HTTP
internal import Domain
internal import Storage
internal import Casework
internal import Routing

/// Open311 GeoReport v2 under /open311/v2 (http://wiki.open311.org/GeoReport_v2), served by the
/// API's router but not part of its OpenAPI document (that covers /api/v1):
///
/// - GET discovery.json|xml, services.json|xml, services/{service_code}.json|xml;
/// - POST requests.json|xml with an api_key: a petition registered through Casework with channel
///   open311, its topic the service_code, acting as the key's account;
/// - GET requests.json|xml and requests/{service_request_id}.json|xml: without an api_key only
///   requests named by their code, in `Open311ServiceRequest.publicView`; with one, what its
///   account may see (`staffView`).
///
/// Every error is in GeoReport's shape (`Open311Error`), including those of paths and methods
/// not served under /open311/ (`unrouted`).
enum Open311Routes {
    static let base = "/open311/v2"

    static func add(to router: inout HTTP.Router, context: APIContext) {
        // Services change when the rules do, and the rules are read once per server: its start is their changeset.
        let changeset = Open311Time.format(context.now())
        let book = context.routing.book
        let services = Open311Services.services(book)
        for format in Open311Format.allCases {
            let suffix = "." + format.rawValue
            router.add(.get, base + "/discovery" + suffix) { request in
                Open311Services.discovery(url: endpoint(request), changeset: changeset).response(root: "discovery", format: format)
            }
            router.add(.get, base + "/services" + suffix) { _ in services.response(root: "services", format: format) }
            router.add(.get, base + "/requests" + suffix) { request in
                answer(format) { try list(request, context: context).response(root: "service_requests", format: format) }
            }
            // Registering writes and classifies: it waits on the threads meant for waiting, as the API's writes do.
            router.add(.post, base + "/requests" + suffix) { request in
                await BlockingPool.shared.run {
                    answer(format, names: Open311Submission.parameterNames) { try submit(request, format: format, context: context) }
                }
            }
        }
        router.add(.get, base + "/services/{service_code}") { request in
            guard let (code, format) = Open311Format.split(request.parameters["service_code"] ?? "") else { return notServed(request) }
            guard book.topics[code] != nil else {
                return Open311Error.notFound("Không có dịch vụ (chủ đề) '\(code)'; xem services.json.").response(format)
            }
            return Open311Services.definition(code).response(root: "service_definition", format: format)
        }
        router.add(.get, base + "/requests/{service_request_id}") { request in
            guard let (id, format) = Open311Format.split(request.parameters["service_request_id"] ?? "") else { return notServed(request) }
            return answer(format) { try single(id, request: request, context: context).response(root: "service_requests", format: format) }
        }
    }

    /// Runs a handler, answering what it throws as an Open311 error.
    /// - Parameter names: the domain's field names as the request's parameters, for error messages.
    static func answer(_ format: Open311Format, names: [String: String] = [:], _ body: () throws -> HTTPResponse) -> HTTPResponse {
        do {
            return try body()
        } catch {
            return Open311Error.from(error, fields: names).response(format)
        }
    }

    // MARK: Service requests

    /// POST requests: the api_key first (nothing else is read for a client without a valid one),
    /// then the petition.
    static func submit(_ request: HTTPRequest, format: Open311Format, context: APIContext) throws -> HTTPResponse {
        let fields = try Open311Fields(request)
        let principal = try principal(fields.string("api_key"), context: context)
        let now = context.now()
        let submission = try Open311Submission(fields, book: context.routing.book, now: now)
        let registration = try context.casework.register(submission.draft, topic: submission.topic, route: true,
                                                         routing: context.routing, as: principal, at: now)
        let grievance = registration.grievance
        let receipt = Open311Value.fields([
            .init("service_request_id", .text(grievance.trackingCode.value)),
            .init("service_notice", .text(notice(grievance))),
            .init("account_id", .text(nil)),
        ])
        // 200, not 201: GeoReport v2 names only the error statuses of POST Service Request and shows
        // its answer without a status; the body is a receipt (an array holding the new id), not the
        // created resource, and a client that accepts only 200 accepts it as well as one that takes any 2xx.
        return Open311Value.list(item: "request", [receipt]).response(root: "service_requests", format: format)
    }

    /// What the citizen is told: received, the code to follow it, the deadline when there is one.
    static func notice(_ grievance: Grievance) -> String {
        var notice = "Đã tiếp nhận đơn \(grievance.kind.vietnameseName); mã tra cứu: \(grievance.trackingCode.value)."
        if let due = grievance.deadlines.resolve { notice += " Hạn giải quyết: \(due.display)." }
        if grievance.submitter.confidential { notice += " Danh tính người gửi được giữ bí mật." }
        return notice
    }

    /// GET requests: by codes (with or without a key), or by the query (with a key only).
    static func list(_ request: HTTPRequest, context: APIContext) throws -> Open311Value {
        let codes = try Open311Query.codes(request)
        let principal = try keyHolder(request, context: context)
        guard !codes.isEmpty else {
            guard let principal else {
                throw Open311Error.forbidden("Cần khóa API (api_key) để xem danh sách yêu cầu; không có khóa chỉ tra cứu được "
                                             + "từng yêu cầu theo mã (service_request_id).")
            }
            let now = context.now()
            let filter = try Open311Query.filter(request, now: now)
            let book = context.routing.book
            return .list(item: "request", try context.casework.listWithChanges(filter, as: principal, at: now).map { found in
                Open311ServiceRequest.staffView(found.grievance, changedAt: found.changedAt, book: book)
            })
        }
        return .list(item: "request", try codes.compactMap { try one($0, as: principal, request: request, context: context) })
    }

    /// GET requests/{id}.
    static func single(_ id: String, request: HTTPRequest, context: APIContext) throws -> Open311Value {
        guard let found = try one(TrackingCode(parsing: id), as: try keyHolder(request, context: context), request: request,
                                  context: context) else { throw Open311Error.unknownRequest }
        return .list(item: "request", [found])
    }

    /// One request by its code as the caller may see it: the key's account (`principal`) through
    /// `Casework.show`, else the public view; nil when unknown or not visible to that account (the
    /// same answer). `code` is nil when the text was no code.
    static func one(_ code: TrackingCode?, as principal: Principal?, request: HTTPRequest, context: APIContext) throws -> Open311Value? {
        let now = context.now()
        let book = context.routing.book
        do {
            if let principal {
                guard let code else { return nil }
                let (grievance, events) = try context.casework.show(code, as: principal, at: now)
                return Open311ServiceRequest.staffView(grievance, changedAt: events.lastChange ?? grievance.receivedAt, book: book)
            }
            // A code is the citizen's key: lookups without an account are limited per address, each code counted.
            let address = request.remoteAddress ?? "unknown"
            guard context.publicLookups.allow(address, at: now) else {
                let seconds = context.publicLookups.retryAfter(address, at: now)
                throw Open311Error(status: .tooManyRequests, message: "Quá nhiều lượt tra cứu từ địa chỉ này; thử lại sau \(seconds) giây.",
                                   headers: ["Retry-After": String(seconds)])
            }
            guard let code else { return nil }
            return Open311ServiceRequest.publicView(try context.casework.publicStatus(code), book: book)
        } catch let error as StoreError {
            if case .notFound = error { return nil }
            throw error
        }
    }

    /// The account of the query's api_key; nil without one (a wrong one is refused).
    static func keyHolder(_ request: HTTPRequest, context: APIContext) throws -> Principal? {
        guard let key = request.query("api_key"), !key.isEmpty else { return nil }
        return try principal(key, context: context)
    }

    static func principal(_ key: String?, context: APIContext) throws -> Principal {
        guard let key, !key.isEmpty else { throw Open311Error.missingKey }
        do {
            return try context.casework.principal(apiKey: key)
        } catch CaseworkError.badAPIKey {
            throw Open311Error.badKey
        }
    }

    // MARK: Paths

    /// The endpoint's absolute URL as the client reached it (Host; https behind a proxy that says so).
    static func endpoint(_ request: HTTPRequest) -> String {
        guard let host = request.headers["Host"], !host.isEmpty,
              host.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:[]".unicodeScalars.contains($0)) })
        else { return base }
        let scheme = request.headers["X-Forwarded-Proto"]?.lowercased() == "https" ? "https" : "http"
        return scheme + "://" + host + base
    }

    /// A resource under /open311/ without a format this server writes.
    static func notServed(_ request: HTTPRequest) -> HTTPResponse {
        Open311Error.notFound("Không có tài nguyên Open311 ở địa chỉ này; xem \(base)/discovery.json.")
            .response(Open311Format.asked(by: request.path))
    }

    /// A request under /open311/ the router has no route for, answered in GeoReport's error shape:
    /// 405 with Allow when the path is served with another method, else 404.
    static func unrouted(_ request: HTTPRequest, router: HTTP.Router) -> HTTPResponse {
        var allowed: [String] = []
        for method in [HTTPMethod.get, .post] {
            var probe = request
            probe.method = method
            if router.routePattern(for: probe) != nil { allowed.append(method.rawValue) }
        }
        guard !allowed.isEmpty else { return notServed(request) }
        if allowed.contains(HTTPMethod.get.rawValue) { allowed.insert(HTTPMethod.head.rawValue, at: 1) }
        return Open311Error(status: .methodNotAllowed, message: "Phương thức này không dùng được ở địa chỉ này.",
                            headers: ["Allow": allowed.joined(separator: ", ")]).response(Open311Format.asked(by: request.path))
    }
}
