internal import CEpoll
internal import Glibc

/// One thread with one epoll: accepts from the shared listener, reads, parses and writes its
/// connections without ever blocking on one, and enforces their deadlines by a periodic sweep.
/// Handlers run elsewhere (`HandlerExecutor`); their responses come back through `mailbox`.
/// Everything but `mailbox` is touched only on the loop's own thread.
final class EventLoop: @unchecked Sendable {
    let index: Int
    let context: ServerContext
    let mailbox: LoopMailbox
    private let peers: [LoopMailbox]
    private let listener: Int32
    private let epoll: Epoll

    /// Connections by descriptor.
    private var connections: [HTTPConnection?] = []
    private var connectionCount = 0
    /// This loop's handlers whose response has not come back: the loop outlives them.
    private var handlersInFlight = 0
    private var serial: UInt64 = 0
    private var listening = false
    /// Set after running out of descriptors: the listener is watched again from then on.
    private var listenerPausedUntil: UInt64?
    private(set) var isStopping = false
    /// The clock read once per wake-up, for every deadline set during it.
    private(set) var now: UInt64
    private var nextSweep: UInt64
    /// Every read on this loop lands here first; the parser keeps only what it has not consumed.
    let readBuffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64 * 1024)
    private var inbox: [LoopMailbox.Message] = []
    /// Connections that stopped reading for fairness with input still waiting: edge-triggered epoll
    /// would not report it again, so the loop resumes them after the next wait (which then does not block).
    private var resumable: [HTTPConnection] = []

    private static let listenerToken = UInt64.max
    private static let mailboxToken = UInt64.max - 1

    init(index: Int, context: ServerContext, listener: Int32, mailbox: LoopMailbox, peers: [LoopMailbox]) throws(SocketError) {
        self.index = index
        self.context = context
        self.listener = listener
        self.mailbox = mailbox
        self.peers = peers
        self.epoll = try Epoll()
        now = MonotonicClock.now()
        nextSweep = now + context.sweepInterval
    }

    deinit {
        readBuffer.deallocate()
    }

    func run() {
        _ = epoll.add(mailbox.eventFD, events: Epoll.input, token: Self.mailboxToken)
        watchListener()
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        while true {
            // Until the next sweep, rounded up; no wait at all while connections wait to be resumed.
            let current = MonotonicClock.now()
            let timeout = !resumable.isEmpty || nextSweep <= current
                ? 0 : Int32(clamping: (nextSweep - current + 999_999) / 1_000_000)
            let count = events.withUnsafeMutableBufferPointer { epoll.wait(into: $0, timeout: timeout) }
            now = MonotonicClock.now()
            for event in events[..<count] {
                switch event.data.u64 {
                case Self.listenerToken: acceptConnections()
                case Self.mailboxToken: readMailbox()
                case let token:
                    // A stale token (its connection closed earlier in this batch) finds nothing or another serial.
                    let fd = Int(token & 0xFFFF_FFFF)
                    if fd < connections.count, let connection = connections[fd], connection.token == token {
                        connection.handle(events: event.events)
                    }
                }
            }
            if !resumable.isEmpty {
                let waiting = resumable
                resumable.removeAll(keepingCapacity: true)
                for connection in waiting { connection.proceed() }
            }
            if now >= nextSweep { sweep() }
            if isStopping && connectionCount == 0 && handlersInFlight == 0 && mailbox.closeIfEmpty() { break }
        }
        epoll.close()
    }

    // MARK: Accepting

    private func watchListener() {
        guard !isStopping else { return }
        // EPOLLEXCLUSIVE: one loop is woken per new connection, not all of them (older kernels refuse the flag).
        listening = epoll.add(listener, events: Epoll.input | Epoll.exclusive, token: Self.listenerToken)
            || epoll.add(listener, events: Epoll.input, token: Self.listenerToken)
        listenerPausedUntil = nil
    }

    private func acceptConnections() {
        // A bounded batch: the listener is level-triggered and reports again if more wait.
        for _ in 0..<64 where listening {
            switch Socket.accept(listener) {
            case .connection(let fd): place(fd)
            case .empty: return
            case .failed: continue
            case .outOfDescriptors:
                epoll.remove(listener)
                listening = false
                listenerPausedUntil = now + 100_000_000
                return
            }
        }
    }

    /// Counts a new connection against the cap and gives it to a loop in turn.
    private func place(_ fd: Int32) {
        guard !context.isStopping else { return _ = Glibc.close(fd) }
        let open = context.openConnections.wrappingAdd(1, ordering: .relaxed).newValue
        guard open <= context.configuration.maxConnections else {
            context.openConnections.subtract(1, ordering: .relaxed)
            return Socket.sendAndClose(fd, context.overloadedResponse())
        }
        let target = peers.count == 1 ? index : context.nextLoop.wrappingAdd(1, ordering: .relaxed).oldValue % peers.count
        if target == index {
            adopt(fd)
        } else if !peers[target].post(.adopt(fd)) {
            Glibc.close(fd)
            context.openConnections.subtract(1, ordering: .relaxed)
        }
    }

    private func adopt(_ fd: Int32) {
        guard !isStopping else {
            Glibc.close(fd)
            context.openConnections.subtract(1, ordering: .relaxed)
            return
        }
        serial += 1
        let token = serial << 32 | UInt64(UInt32(bitPattern: fd))
        let connection = HTTPConnection(fd: fd, token: token, loop: self)
        let slot = Int(fd)
        if slot >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: max(slot + 1 - connections.count, connections.count)))
        }
        connections[slot] = connection
        connectionCount += 1
        // Edge-triggered and registered once for both directions: no epoll_ctl per request. The
        // connection remembers whether input may be waiting (`HTTPConnection.readable`).
        let events = Epoll.input | Epoll.output | Epoll.peerClosed | Epoll.edgeTriggered
        guard epoll.add(fd, events: events, token: token) else { return connection.close() }
        connection.start()
    }

    func resumeLater(_ connection: HTTPConnection) {
        resumable.append(connection)
    }

    /// Called by a connection as it closes its descriptor.
    func remove(_ connection: HTTPConnection) {
        connections[Int(connection.fd)] = nil
        connectionCount -= 1
        context.openConnections.subtract(1, ordering: .relaxed)
    }

    // MARK: Handlers

    /// Runs the responder for `request` off the loop; the serialized response comes back through the
    /// mailbox. False when too many handlers are in flight: the caller refuses the request.
    func dispatch(_ request: HTTPRequest, for connection: HTTPConnection, served: Int) -> Bool {
        let context = self.context
        guard context.handlersInFlight.wrappingAdd(1, ordering: .relaxed).newValue <= context.configuration.maxInFlight else {
            context.handlersInFlight.subtract(1, ordering: .relaxed)
            return false
        }
        handlersInFlight += 1
        let handle = LoopMailbox.ConnectionHandle(connection: connection)
        let mailbox = self.mailbox
        Task(executorPreference: HandlerExecutor.shared) {
            let response = await context.responder.respond(to: request)
            // Decided after the handler: a shutdown that began meanwhile closes this connection.
            let keepAlive = request.keepAlive && served < context.configuration.maxRequestsPerConnection && !context.isStopping
            let bytes = response.serialized(keepAlive: keepAlive, requestVersion: request.version,
                                            omitBody: request.method == .head)
            context.handlersInFlight.subtract(1, ordering: .relaxed)
            mailbox.post(.completed(handle, bytes, keepAlive: keepAlive))
        }
        return true
    }

    private func readMailbox() {
        mailbox.collect(into: &inbox)
        for message in inbox {
            switch message {
            case .adopt(let fd):
                adopt(fd)
            case .completed(let handle, let bytes, let keepAlive):
                handlersInFlight -= 1
                handle.connection.complete(bytes, keepAlive: keepAlive)
            case .stop:
                stop()
            }
        }
        inbox.removeAll(keepingCapacity: true)
    }

    // MARK: Deadlines and shutdown

    private func sweep() {
        nextSweep = now + context.sweepInterval
        if let paused = listenerPausedUntil, now >= paused { watchListener() }
        for slot in connections.indices {
            if let connection = connections[slot] { connection.checkDeadline() }
        }
    }

    /// Stops accepting and closes idle connections; the rest finish their request and close.
    private func stop() {
        guard !isStopping else { return }
        isStopping = true
        if listening { epoll.remove(listener) }
        listening = false
        listenerPausedUntil = nil
        if context.listenerUsers.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
            // Every loop has let go of it: connections still in the backlog get a reset.
            Glibc.close(listener)
        }
        for slot in connections.indices {
            if let connection = connections[slot] { connection.stop() }
        }
    }
}
