internal import Synchronization

/// What a server's event loops and handler tasks share: the settings, the responder, the shutdown
/// flag and the counters that bound the work (open connections, handlers in flight).
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let stopping = Atomic<Bool>(false)
    /// Connections held by every loop together, counted from accept to close.
    let openConnections = Atomic<Int>(0)
    /// Handlers started and not yet finished, every loop together.
    let handlersInFlight = Atomic<Int>(0)
    /// Round-robin over the loops for accepted connections, whichever loop accepted them.
    let nextLoop = Atomic<Int>(0)
    /// Loops still watching the listener; the last to let go closes it.
    let listenerUsers = Atomic<Int>(0)

    // The deadlines in nanoseconds, and how often the loops look for expired ones.
    let headerTimeout: UInt64
    let bodyTimeout: UInt64
    let idleTimeout: UInt64
    let writeTimeout: UInt64
    let sweepInterval: UInt64
    /// How long a closing connection's unread input is discarded, so the close does not become a reset.
    let linger: UInt64 = 1_000_000_000

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
        headerTimeout = MonotonicClock.nanoseconds(configuration.headerTimeout)
        bodyTimeout = MonotonicClock.nanoseconds(configuration.bodyTimeout)
        idleTimeout = MonotonicClock.nanoseconds(configuration.idleTimeout)
        writeTimeout = MonotonicClock.nanoseconds(configuration.writeTimeout)
        // A deadline is noticed at most a quarter of the shortest one late, checked 1 to 100 times a second.
        let shortest = min(headerTimeout, bodyTimeout, idleTimeout, writeTimeout, linger)
        sweepInterval = min(max(shortest / 4, 10_000_000), 1_000_000_000)
    }

    var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// 503 with Retry-After, for a connection or a request the server has no room for; the connection then closes.
    func overloadedResponse() -> [UInt8] {
        let retryAfter = String(configuration.retryAfter)
        let error = HTTPError(.serviceUnavailable, code: "overloaded", message: "The server is busy; try again shortly.",
                              headers: ["Retry-After": retryAfter])
        var response = responder.response(for: error)
        if !response.headers.contains("Retry-After") { response.headers.add("Retry-After", retryAfter) }
        return response.serialized(keepAlive: false)
    }
}
