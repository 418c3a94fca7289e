internal import Dispatch
internal import Foundation
internal import Glibc
internal import Synchronization

/// An HTTP/1.1 server over POSIX sockets. Connection I/O runs on threads it owns: one accept thread
/// and `maxConnections` workers, each serving one connection at a time with blocking, deadline-bound
/// reads; handlers run on the server's handler threads while their worker waits. When every worker is busy
/// and `maxQueued` connections wait, new ones get 503 with Retry-After and are closed.
///
/// `shutdown()` stops accepting, closes idle connections, lets requests in flight finish, and
/// `waitUntilStopped()` returns once every thread has ended. It is safe to call from a signal source
/// (`stopOnSignals`).
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let queue: ConnectionQueue
    private let stopping = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)
    private let boundPort = Atomic<Int>(0)
    /// A pipe written once on shutdown and never read, so every poll watching it wakes for good.
    private let wake: (read: Int32, write: Int32)
    private let threads = DispatchGroup()
    private let signalSources = Mutex<[any DispatchSourceSignal]>([])

    public init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(), responder: some HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
        self.queue = ConnectionQueue(capacity: max(0, configuration.maxQueued), workers: max(1, configuration.maxConnections))
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "pipe failed (errno \(errno))")
        fds.forEach(Socket.makeNonBlocking)
        self.wake = (fds[0], fds[1])
    }

    deinit {
        Glibc.close(wake.read)
        Glibc.close(wake.write)
    }

    /// The bound port once started (useful with port 0), else 0.
    public var port: Int { boundPort.load(ordering: .acquiring) }

    /// Binds, listens and starts the threads; returns the bound port.
    @discardableResult
    public func start() throws(SocketError) -> Int {
        precondition(!started.exchange(true, ordering: .acquiringAndReleasing), "HTTPServer.start() called twice")
        // A client that disappears must not kill the process on the next write.
        signal(SIGPIPE, SIG_IGN)
        let listener = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        boundPort.store(listener.localPort, ordering: .releasing)
        for index in 0..<max(1, configuration.maxConnections) {
            spawn(name: "http-worker-\(index)") { [self] in workerLoop() }
        }
        spawn(name: "http-accept") { [self] in acceptLoop(listener) }
        return port
    }

    /// Starts, then waits for shutdown.
    public func run() async throws {
        try start()
        await waitUntilStopped()
    }

    /// Stops accepting and lets requests in flight finish; returns at once. Idempotent.
    public func shutdown() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = Glibc.write(wake.write, &byte, 1)
        for socket in queue.stop() { reject(socket) }
    }

    /// Returns once every server thread has ended (at once if never started).
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            threads.notify(queue: .global()) { continuation.resume() }
        }
    }

    /// Calls `shutdown()` on these signals (SIGTERM, SIGINT by default) instead of dying.
    public func stopOnSignals(_ signals: [Int32]? = nil) {
        let numbers = signals ?? [SIGTERM, SIGINT]
        // Made inside the lock: signal sources are not Sendable.
        signalSources.withLock { sources in
            for number in numbers {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                // Dispatch signal handlers must be @Sendable or they crash on Linux.
                source.setEventHandler(handler: { @Sendable [weak self] in self?.shutdown() })
                source.resume()
                sources.append(source)
            }
        }
    }

    private func spawn(name: String, _ body: @escaping @Sendable () -> Void) {
        threads.enter()
        let thread = Thread { [threads] in
            body()
            threads.leave()
        }
        thread.name = name
        thread.start()
    }

    private func acceptLoop(_ listener: Socket) {
        defer { listener.close() }
        while !stopping.load(ordering: .acquiring) {
            let (ready, woken) = Socket.waitReadable(listener.fd, wake: wake.read, timeout: -1)
            if woken { break }
            guard ready, let client = listener.accept() else { continue }
            if !queue.offer(client) { reject(client) }
        }
    }

    private func workerLoop() {
        while let socket = queue.take() {
            let connection = HTTPConnection(socket: socket, configuration: configuration, responder: responder,
                                            wakeFD: wake.read, isStopping: { [self] in stopping.load(ordering: .acquiring) })
            connection.run()
            queue.finished()
        }
    }

    /// 503 for a connection no worker can take; a non-blocking best effort, never delaying accept.
    private func reject(_ socket: Socket) {
        let error = HTTPError(.serviceUnavailable, code: "overloaded", message: "The server is busy; try again shortly.",
                              headers: ["Retry-After": String(configuration.retryAfter)])
        var response = responder.response(for: error)
        if !response.headers.contains("Retry-After") { response.headers.add("Retry-After", String(configuration.retryAfter)) }
        _ = socket.write(response.serialized(keepAlive: false), deadline: .after(.zero))
        Glibc.shutdown(socket.fd, Int32(SHUT_WR))
        socket.close()
    }
}
