/// An error a handler throws (or the parser raises) that becomes a response: a status, a machine
/// code for the application's error body, and a message for people. How it is rendered is the
/// application's choice (`HTTPResponder.response(for:)`); the default is plain text.
public struct HTTPError: Error, Equatable, Sendable, CustomStringConvertible {
    public var status: HTTPStatus
    public var code: String
    public var message: String
    /// Extra headers the response must carry (Allow on 405, Retry-After on 503…).
    public var headers: HTTPHeaders

    public init(_ status: HTTPStatus, code: String? = nil, message: String? = nil, headers: HTTPHeaders = [:]) {
        self.status = status
        self.code = code ?? Self.defaultCode(status)
        self.message = message ?? status.reason
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// The plain-text rendering used when the application gives none.
    public var plainTextResponse: HTTPResponse {
        var response = HTTPResponse(status: status, headers: headers, body: Array((message + "\n").utf8))
        response.headers["Content-Type"] = "text/plain; charset=utf-8"
        return response
    }

    /// `"not_found"` for 404 and so on: the reason phrase in snake case.
    static func defaultCode(_ status: HTTPStatus) -> String {
        String(status.reason.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
