internal import Dispatch
internal import Foundation
internal import Glibc
internal import Synchronization

/// An HTTP/1.1 server over POSIX sockets. `eventLoops` threads, each with its own epoll, accept from
/// one shared listener and drive their connections without blocking, so an idle keep-alive
/// connection or a slow client costs a descriptor and a little memory, not a thread. Handlers run on
/// the server's handler threads (`HandlerExecutor`) and hand their response back to the connection's loop.
/// Past `maxConnections` open connections or `maxInFlight` running handlers, the answer is 503 with Retry-After.
///
/// `shutdown()` stops accepting, closes idle connections, lets requests in flight finish and their
/// responses be written, and `waitUntilStopped()` returns once every loop thread has ended. It is
/// safe to call from a signal source (`stopOnSignals`).
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    private let context: ServerContext
    private let started = Atomic<Bool>(false)
    private let boundPort = Atomic<Int>(0)
    /// The loops' mailboxes once started, for `shutdown()`.
    private let mailboxes = Mutex<[LoopMailbox]>([])
    private let threads = DispatchGroup()
    private let signalSources = Mutex<[any DispatchSourceSignal]>([])

    public init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(), responder: some HTTPResponder) {
        self.configuration = configuration
        self.context = ServerContext(configuration: configuration, responder: responder)
    }

    /// The bound port once started (useful with port 0), else 0.
    public var port: Int { boundPort.load(ordering: .acquiring) }

    /// Binds, listens and starts the event loops; returns the bound port.
    @discardableResult
    public func start() throws(SocketError) -> Int {
        precondition(!started.exchange(true, ordering: .acquiringAndReleasing), "HTTPServer.start() called twice")
        // A client that disappears must not kill the process on the next write.
        signal(SIGPIPE, SIG_IGN)
        let listener = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        let loops: [EventLoop]
        do {
            let count = max(1, configuration.eventLoops)
            var boxes: [LoopMailbox] = []
            for _ in 0..<count { boxes.append(try LoopMailbox()) }
            var made: [EventLoop] = []
            for (index, box) in boxes.enumerated() {
                made.append(try EventLoop(index: index, context: context, listener: listener, mailbox: box, peers: boxes))
            }
            loops = made
        } catch {
            Glibc.close(listener)
            throw error
        }
        boundPort.store(Socket.localPort(listener), ordering: .releasing)
        context.listenerUsers.store(loops.count, ordering: .releasing)
        mailboxes.withLock { $0 = loops.map(\.mailbox) }
        for loop in loops {
            spawn(name: "http-loop-\(loop.index)") { loop.run() }
        }
        // A shutdown that came before the mailboxes were known.
        if context.isStopping { loops.forEach { $0.mailbox.post(.stop) } }
        return port
    }

    /// Starts, then waits for shutdown.
    public func run() async throws {
        try start()
        await waitUntilStopped()
    }

    /// Stops accepting and lets requests in flight finish; returns at once. Idempotent.
    public func shutdown() {
        guard !context.stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        for mailbox in mailboxes.withLock({ $0 }) { mailbox.post(.stop) }
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
}
