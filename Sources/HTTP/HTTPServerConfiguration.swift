/// How the server listens and what it bounds. The defaults suit production; tests shorten the deadlines.
public struct HTTPServerConfiguration: Sendable {
    /// IPv4 address to bind, e.g. "127.0.0.1" or "0.0.0.0".
    public var host: String
    /// 0 picks an ephemeral port; `HTTPServer.start()` returns the one bound.
    public var port: Int
    public var backlog: Int
    /// Connections served at once: one worker thread each.
    public var maxConnections: Int
    /// Accepted connections waiting for a free worker; beyond them a 503 with Retry-After.
    public var maxQueued: Int
    /// Seconds written in Retry-After when saturated.
    public var retryAfter: Int
    /// Requests answered on one connection before it is closed.
    public var maxRequestsPerConnection: Int
    /// From the first byte of a request (or the connection's start) to the end of its head.
    public var headerTimeout: Duration
    /// From the end of the head to the end of the body.
    public var bodyTimeout: Duration
    /// Between a response and the first byte of the next request on a kept-alive connection.
    public var idleTimeout: Duration
    /// For writing one response.
    public var writeTimeout: Duration
    public var limits: HTTPLimits

    public init(host: String = "127.0.0.1", port: Int = 8080, backlog: Int = 512, maxConnections: Int = 128,
                maxQueued: Int = 128, retryAfter: Int = 1, maxRequestsPerConnection: Int = 1000,
                headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
                idleTimeout: Duration = .seconds(5), writeTimeout: Duration = .seconds(30),
                limits: HTTPLimits = HTTPLimits()) {
        self.host = host
        self.port = port
        self.backlog = backlog
        self.maxConnections = maxConnections
        self.maxQueued = maxQueued
        self.retryAfter = retryAfter
        self.maxRequestsPerConnection = maxRequestsPerConnection
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.limits = limits
    }
}
