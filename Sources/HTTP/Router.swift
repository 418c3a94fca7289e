/// Method and path pattern → handler. Usable without a socket: `await router.respond(to: request)`.
///
/// Handlers run on the server's handler threads and should not block them (see `HTTPResponder`).
/// A thrown `HTTPError` becomes its response through `renderError`; any other error a 500.
public struct Router: HTTPResponder {
    public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse

    /// A class: the router walks its routes for every request, and copying a struct of patterns
    /// and closures each time cost more than matching them.
    final class Route: Sendable {
        let method: HTTPMethod
        let pattern: RoutePattern
        let bodyLimit: Int?
        let handler: Handler

        init(method: HTTPMethod, pattern: RoutePattern, bodyLimit: Int?, handler: @escaping Handler) {
            self.method = method
            self.pattern = pattern
            self.bodyLimit = bodyLimit
            self.handler = handler
        }
    }

    private var routes: [Route] = []
    public var defaultBodyLimit: Int
    private let renderError: @Sendable (HTTPError) -> HTTPResponse

    public init(defaultBodyLimit: Int = HTTPLimits.defaultBodyLimit,
                renderError: @escaping @Sendable (HTTPError) -> HTTPResponse = { $0.plainTextResponse }) {
        self.defaultBodyLimit = defaultBodyLimit
        self.renderError = renderError
    }

    /// Adds a route; `bodyLimit` overrides the default for requests it matches (uploads).
    public mutating func add(_ method: HTTPMethod, _ pattern: String, bodyLimit: Int? = nil,
                             _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), bodyLimit: bodyLimit, handler: handler))
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add(.get, pattern, handler) }
    public mutating func post(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        add(.post, pattern, bodyLimit: bodyLimit, handler)
    }
    public mutating func put(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        add(.put, pattern, bodyLimit: bodyLimit, handler)
    }
    public mutating func patch(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        add(.patch, pattern, bodyLimit: bodyLimit, handler)
    }
    public mutating func delete(_ pattern: String, _ handler: @escaping Handler) { add(.delete, pattern, handler) }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch resolve(request) {
        case .found(let route, let parameters):
            var request = request
            request.parameters = parameters
            do {
                return try await route.handler(request)
            } catch let error as HTTPError {
                return response(for: error)
            } catch {
                return response(for: HTTPError(.internalServerError, code: "internal_error",
                                               message: "The server failed to answer this request."))
            }
        case .methodNotAllowed(let allowed):
            return response(for: HTTPError(.methodNotAllowed, message: "\(request.method) is not allowed here.",
                                           headers: ["Allow": allowed.joined(separator: ", ")]))
        case .notFound:
            return response(for: HTTPError(.notFound, message: "Nothing is served at this address."))
        }
    }

    /// The pattern of the route that answers `request` ("/api/v1/grievances/{code}"), for logs
    /// and metrics that must not carry the path's values; nil when none does.
    public func routePattern(for request: HTTPRequest) -> String? {
        if case .found(let route, _) = resolve(request) { return route.pattern.description }
        return nil
    }

    /// Every route's method and pattern, in the order added (to check a description against them).
    public var routeList: [(method: HTTPMethod, pattern: String)] { routes.map { ($0.method, $0.pattern.description) } }

    public func bodyLimit(for head: HTTPRequest) -> Int {
        if case .found(let route, _) = resolve(head), let limit = route.bodyLimit { return limit }
        return defaultBodyLimit
    }

    public func response(for error: HTTPError) -> HTTPResponse {
        var response = renderError(error)
        for (name, value) in error.headers where !response.headers.contains(name) {
            response.headers.add(name, value)
        }
        return response
    }

    private enum Resolution {
        case found(Route, [String: String])
        case methodNotAllowed([String])
        case notFound
    }

    private func resolve(_ request: HTTPRequest) -> Resolution {
        var best: (route: Route, parameters: [String: String])?
        var allowed: Set<String> = []
        // HEAD is answered by the GET route; the server leaves the body out.
        let wanted: [HTTPMethod] = request.method == .head ? [.head, .get] : [request.method]
        for route in routes {
            guard let parameters = route.pattern.match(request.pathSegments) else { continue }
            allowed.insert(route.method.rawValue)
            if route.method == .get { allowed.insert(HTTPMethod.head.rawValue) }
            guard wanted.contains(route.method) else { continue }
            if let current = best {
                let better = route.pattern.isMoreSpecific(than: current.route.pattern)
                    || (route.method == request.method && current.route.method != request.method
                        && !current.route.pattern.isMoreSpecific(than: route.pattern))
                if !better { continue }
            }
            best = (route, parameters)
        }
        if let best { return .found(best.route, best.parameters) }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed.sorted())
    }
}
