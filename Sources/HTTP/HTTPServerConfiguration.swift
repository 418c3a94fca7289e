/// How the server listens and what it bounds. The defaults suit production; tests shorten the deadlines.
public struct HTTPServerConfiguration: Sendable {
    /// IPv4 address to bind, e.g. "127.0.0.1" or "0.0.0.0".
    public var host: String
    /// 0 picks an ephemeral port; `HTTPServer.start()` returns the one bound.
    public var port: Int
    public var backlog: Int
    /// Open connections held at once, idle ones included; a connection beyond them gets 503 with
    /// Retry-After and is closed. Each costs a descriptor: keep it under RLIMIT_NOFILE.
    public var maxConnections: Int
    /// Handlers running at once; a request beyond them gets 503 with Retry-After and its connection is closed.
    public var maxInFlight: Int
    /// Event-loop threads, each with its own epoll and share of the connections.
    public var eventLoops: Int
    /// Seconds written in Retry-After when saturated.
    public var retryAfter: Int
    /// Requests answered on one connection before it is closed.
    public var maxRequestsPerConnection: Int
    /// From the first byte of a request to the end of its head; past it, 408.
    public var headerTimeout: Duration
    /// From the end of the head to the end of the body.
    public var bodyTimeout: Duration
    /// Before the first byte of a request, on a new connection or between requests on a kept-alive
    /// one; past it the connection is closed without a word.
    public var idleTimeout: Duration
    /// For writing one response.
    public var writeTimeout: Duration
    public var limits: HTTPLimits

    public init(host: String = "127.0.0.1", port: Int = 8080, backlog: Int = 512, maxConnections: Int = 10_000,
                maxInFlight: Int = 1024, eventLoops: Int = 2, retryAfter: Int = 1, maxRequestsPerConnection: Int = 1000,
                headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
                idleTimeout: Duration = .seconds(5), writeTimeout: Duration = .seconds(30),
                limits: HTTPLimits = HTTPLimits()) {
        self.host = host
        self.port = port
        self.backlog = backlog
        self.maxConnections = maxConnections
        self.maxInFlight = maxInFlight
        self.eventLoops = eventLoops
        self.retryAfter = retryAfter
        self.maxRequestsPerConnection = maxRequestsPerConnection
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.limits = limits
    }
}
