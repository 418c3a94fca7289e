public import Foundation
public import HTTP
internal import Domain
internal import Presentation
internal import JSONText

/// The JSON API under /api/v1, /healthz, the OpenAPI document and Open311 GeoReport v2 under
/// /open311/v2 (`Open311Routes`), as a router: usable without a
/// socket (`await api.respond(to: request)`) and served by `HTTPServer`. Front end only: every
/// rule and every decision of what someone may see is in Casework.
public struct APIServer: HTTPResponder {
    public let context: APIContext
    public let router: Router

    public init(context: APIContext) {
        self.context = context
        // The document describes itself too: its handler reads it from a box filled once all are known.
        let document = DocumentBox()
        let operations = SessionOperations.all(context) + GrievanceOperations.all(context) + DirectoryOperations.all(context)
            + AdminOperations.all(context) + ImportOperations.all(context) + PublicOperations.all(context) + [
                APIOperation(method: .get, path: "/api/v1/openapi.json", id: "openapi", summary: "Tài liệu OpenAPI 3.1 của API này",
                             access: .open, responses: [.init(status: 200, description: "OpenAPI 3.1", schema: ["type": "object"])]) { _ in
                    HTTPResponse(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: document.bytes)
                },
                APIOperation(method: .get, path: "/healthz", id: "health", summary: "Sẵn sàng phục vụ", access: .open,
                             responses: [.init(status: 200, description: "Đã nạp cơ sở dữ liệu và quy tắc", schema: APISchemas.ref("Health"))]) { _ in
                    APIServer.json(Array(#"{"status":"ok"}"#.utf8))
                },
            ]
        document.fill(OpenAPIDocument.make(operations))
        var router = Router(renderError: { APIError.from($0).response })
        for operation in operations {
            // Reads run where the handler runs; writes and logins wait (on the database's one writer, on
            // a password hash), so they wait on threads meant for it.
            let waits = operation.method != .get
            router.add(operation.method, operation.path, bodyLimit: operation.bodyLimit) { [context] request in
                waits ? await BlockingPool.shared.run { APIServer.handle(request, with: operation, context: context) }
                    : APIServer.handle(request, with: operation, context: context)
            }
        }
        // Open311 GeoReport v2: the same router, outside the OpenAPI document (which covers /api/v1).
        Open311Routes.add(to: &router, context: context)
        self.router = router
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard context.log.isEnabled else { return await route(request) }
        let started = ContinuousClock.now
        let response = await route(request)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.log.request(at: context.now(), method: request.method.rawValue, route: router.routePattern(for: request) ?? "-",
                            status: response.status.code, milliseconds: milliseconds)
        return response
    }

    /// The router's answer; under /open311/ a path or method it does not serve is answered in
    /// GeoReport's error shape rather than the API's.
    private func route(_ request: HTTPRequest) async -> HTTPResponse {
        if request.pathSegments.first == "open311", router.routePattern(for: request) == nil {
            return Open311Routes.unrouted(request, router: router)
        }
        return await router.respond(to: request)
    }

    public func bodyLimit(for head: HTTPRequest) -> Int { router.bodyLimit(for: head) }
    public func response(for error: HTTPError) -> HTTPResponse { router.response(for: error) }

    /// Authenticates (for session operations), runs the handler, and turns whatever it throws
    /// into the API's error shape. A session that must change its password may only do that.
    static func handle(_ request: HTTPRequest, with operation: APIOperation, context: APIContext) -> HTTPResponse {
        let now = context.now()
        do {
            var api = APIRequest(http: request, session: nil, token: nil, now: now)
            if operation.access == .session {
                guard let token = bearerToken(request), let session = context.sessions.session(token, at: now) else {
                    throw APIError.unauthorized
                }
                if session.mustChangePassword && !["changePassword", "logout"].contains(operation.id) {
                    throw APIError(.forbidden, code: "must_change_password",
                                   message: "Cần đổi mật khẩu dùng một lần trước (POST /api/v1/session/password).")
                }
                api.session = session
                api.token = token
            }
            return try operation.handler(api)
        } catch {
            return APIError.from(error).response
        }
    }

    static func bearerToken(_ request: HTTPRequest) -> String? {
        guard let value = request.headers["Authorization"], value.utf8.count > 7 else { return nil }
        let scheme = value.utf8.prefix(7)
        guard scheme.elementsEqual("bearer ".utf8, by: { $0 | 0x20 == $1 | 0x20 }) else { return nil }
        let token = value.utf8.dropFirst(7).drop { $0 == UInt8(ascii: " ") }
        return token.isEmpty ? nil : String(decoding: token, as: UTF8.self)
    }

    static func json(_ bytes: [UInt8], status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: headers, body: bytes)
        response.headers["Content-Type"] = "application/json; charset=utf-8"
        return response
    }

    static func json(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], _ write: (inout JSONByteWriter) -> Void) -> HTTPResponse {
        var writer = JSONByteWriter(capacity: 512)
        write(&writer)
        return json(writer.bytes, status: status, headers: headers)
    }
}

/// The OpenAPI document's bytes, set once before the router serves anything.
final class DocumentBox: @unchecked Sendable {
    private(set) var bytes: [UInt8] = []
    /// Called once, before the router exists: no request can read meanwhile.
    func fill(_ bytes: [UInt8]) { self.bytes = bytes }
}
