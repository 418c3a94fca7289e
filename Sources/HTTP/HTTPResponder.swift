/// What the server serves: the router, or anything answering requests the same way.
///
/// `respond(to:)` runs on the server's own handler threads (`HandlerExecutor`), not on Swift's
/// cooperative pool, so a pool held elsewhere in the process does not stall answers. Handlers should
/// still not block: blocking work (SQLite, password hashing, file I/O) hops to threads of its own
/// and is awaited, e.g. through a continuation resumed from a dedicated `DispatchQueue`.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse
    /// The largest body accepted for `head` (the request without its body), asked before the body is read.
    func bodyLimit(for head: HTTPRequest) -> Int
    /// How an error (thrown by a handler or raised by the parser) is turned into a response.
    func response(for error: HTTPError) -> HTTPResponse
}

extension HTTPResponder {
    public func bodyLimit(for head: HTTPRequest) -> Int { HTTPLimits.defaultBodyLimit }
    public func response(for error: HTTPError) -> HTTPResponse { error.plainTextResponse }
}
