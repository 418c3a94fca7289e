/// A complete request as the parser hands it over: the target already split and decoded.
public struct HTTPRequest: Sendable, Equatable {
    public var method: HTTPMethod
    /// The request target exactly as sent (origin-form: path and optional query).
    public var target: String
    /// The path, percent-decoded.
    public var path: String
    /// The path's segments, each percent-decoded on its own so an encoded `/` stays inside its segment.
    public var pathSegments: [String]
    public var query: [HTTPQueryItem]
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Trailer fields of a chunked body, if any were sent.
    public var trailers: HTTPHeaders
    /// Values of the route's `{name}` segments, filled in by the router.
    public var parameters: [String: String]
    /// The peer's address ("127.0.0.1"), filled in by the server; nil for requests built in tests.
    public var remoteAddress: String?

    public init(method: HTTPMethod, target: String, version: HTTPVersion = .http11, headers: HTTPHeaders = [:],
                body: [UInt8] = [], trailers: HTTPHeaders = [:]) throws(HTTPError) {
        guard let parts = RequestTarget(target) else {
            throw HTTPError(.badRequest, code: "bad_target", message: "The request target is not a valid origin-form path.")
        }
        self.init(method: method, target: target, parts: parts, version: version, headers: headers, body: body,
                  trailers: trailers)
    }

    init(method: HTTPMethod, target: String, parts: RequestTarget, version: HTTPVersion, headers: HTTPHeaders,
         body: [UInt8], trailers: HTTPHeaders) {
        self.method = method
        self.target = target
        self.path = parts.path
        self.pathSegments = parts.segments
        self.query = parts.query
        self.version = version
        self.headers = headers
        self.body = body
        self.trailers = trailers
        self.parameters = [:]
        self.remoteAddress = nil
    }

    /// The first value of the query parameter `name`.
    public func query(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Whether the connection may carry another request after this one (RFC 9112 §9.3).
    public var keepAlive: Bool {
        if headers.hasToken("close", in: "Connection") { return false }
        return version == .http11 || headers.hasToken("keep-alive", in: "Connection")
    }
}
