internal import Glibc

/// One client connection, owned by an event loop and touched only on that loop's thread.
///
/// Bytes read go into the parser. Once it yields a request, reading stops until the response is
/// written (pipelined requests wait in the parser and are answered in order afterwards): one request
/// per connection is in flight, and what a client can make the server hold stays bounded.
/// Each phase has its deadline, checked by the loop's sweep.
final class HTTPConnection {
    enum State {
        /// Reading and parsing a request, or waiting for one.
        case reading
        /// A handler is answering; nothing is read meanwhile.
        case inFlight
        /// Writing `outbound`; what follows is `afterWrite`.
        case writing
        /// The response is out and our side shut: discarding input until the peer closes or `linger` passes.
        case draining
        case closed
    }

    enum AfterWrite {
        /// Go on reading: the next request, or the body after `100 Continue`.
        case resume
        case close
    }

    let fd: Int32
    /// The descriptor and a serial: a token from a closed connection never matches one reusing the descriptor.
    let token: UInt64
    private unowned let loop: EventLoop
    private var parser: HTTPRequestParser
    private(set) var state = State.reading
    private var served = 0
    /// The parser phase `deadline` belongs to; nil forces a fresh deadline.
    private var deadlinePhase: HTTPRequestParser.Phase?
    /// Monotonic nanoseconds; 0 while a handler runs (handlers have no deadline).
    private var deadline: UInt64 = 0
    /// Edge-triggered: input may be waiting. Set by events, cleared once a read finds the socket empty.
    private var readable = false
    /// The peer shut its side or the connection failed: the next read reports it, so keep reading.
    private var hungUp = false
    private var outbound: [UInt8] = []
    private var written = 0
    private var afterWrite = AfterWrite.close
    private var discarded = 0

    private static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    /// The peer's address, read once, handed to every request (for rate limits and logs).
    private let peer: String?

    init(fd: Int32, token: UInt64, loop: EventLoop) {
        self.fd = fd
        self.token = token
        self.loop = loop
        peer = Socket.peerAddress(fd)
        let responder = loop.context.responder
        parser = HTTPRequestParser(limits: loop.context.configuration.limits, bodyLimit: { responder.bodyLimit(for: $0) })
    }

    /// Registered: waits for the first request (epoll reports input that is already there).
    func start() {
        proceed()
    }

    func handle(events: UInt32) {
        if events & (Epoll.peerClosed | Epoll.hangUp | Epoll.error) != 0 {
            hungUp = true
            readable = true
        }
        if events & Epoll.input != 0 { readable = true }
        switch state {
        case .reading: proceed()
        case .writing: if events & (Epoll.output | Epoll.hangUp | Epoll.error) != 0 { flush() }
        case .draining: drain()
        case .inFlight, .closed: break
        }
    }

    /// The handler's response, back on the loop.
    func complete(_ bytes: [UInt8], keepAlive: Bool) {
        guard state == .inFlight else { return }
        write(bytes, then: keepAlive ? .resume : .close)
    }

    func checkDeadline() {
        guard deadline != 0, loop.now >= deadline else { return }
        switch state {
        case .reading:
            if parser.phase == .idle {
                close()
            } else {
                refuse(HTTPError(.requestTimeout, message: "The request was not received in time."))
            }
        case .writing, .draining:
            close()
        case .inFlight, .closed:
            break
        }
    }

    /// Shutdown: an idle connection closes at once; a request already begun is finished.
    func stop() {
        if state == .reading && parser.phase == .idle { close() }
    }

    // MARK: Reading

    /// Parses what is buffered, reading more while the socket has it, until a request goes to its
    /// handler, the connection must wait for input, or it closes. Safe to call in any state.
    func proceed() {
        var reads = 0
        while state == .reading {
            let event: HTTPRequestParser.Event?
            do {
                event = try parser.next()
            } catch {
                return refuse(error)
            }
            switch event {
            case .expectContinue:
                return write(Self.continueBytes, then: .resume)
            case .request(var request):
                request.remoteAddress = peer
                served += 1
                state = .inFlight
                deadline = 0
                if !loop.dispatch(request, for: self, served: served) { write(loop.context.overloadedResponse(), then: .close) }
                return
            case nil:
                break
            }

            let phase = parser.phase
            if phase != deadlinePhase {
                deadlinePhase = phase
                let context = loop.context
                switch phase {
                case .idle: deadline = loop.now + context.idleTimeout
                case .head: deadline = loop.now + context.headerTimeout
                case .body: deadline = loop.now + context.bodyTimeout
                }
            }
            if phase == .idle && loop.isStopping { return close() }
            guard readable else { return }
            // Fairness: after a megabyte, other connections go first; the loop comes back to this one.
            guard reads < 16 else { return loop.resumeLater(self) }
            reads += 1
            let buffer = loop.readBuffer
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                // A short read emptied the socket: new input will raise a new edge.
                if count < buffer.count { readable = hungUp }
                parser.append(UnsafeBufferPointer(rebasing: buffer[..<count]))
            } else if count == 0 {
                return close()
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                readable = false
            } else if errno != EINTR {
                return close()
            }
        }
    }

    // MARK: Writing and closing

    /// Answers a refused or timed-out request, then closes.
    private func refuse(_ error: HTTPError) {
        write(loop.context.responder.response(for: error).serialized(keepAlive: false), then: .close)
    }

    private func write(_ bytes: [UInt8], then next: AfterWrite) {
        outbound = bytes
        written = 0
        afterWrite = next
        state = .writing
        deadline = loop.now + loop.context.writeTimeout
        flush()
    }

    /// Sends what the socket takes; the rest waits for EPOLLOUT.
    private func flush() {
        while written < outbound.count {
            let sent = outbound.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + written, raw.count - written, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                written += sent
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return
            } else if sent < 0 && errno == EINTR {
                continue
            } else {
                return close()
            }
        }
        outbound = []
        switch afterWrite {
        case .resume:
            state = .reading
            deadlinePhase = nil
            proceed()
        case .close:
            closeGracefully()
        }
    }

    /// Half-closes, then discards what the client still sends for a moment, so unread input does not
    /// turn the close into a reset that loses the response.
    private func closeGracefully() {
        Glibc.shutdown(fd, Int32(SHUT_WR))
        state = .draining
        discarded = 0
        deadline = loop.now + loop.context.linger
        drain()
    }

    private func drain() {
        let buffer = loop.readBuffer
        while readable {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                discarded += count
                if discarded >= 1 << 20 { return close() }
                if count < buffer.count { readable = hungUp }
            } else if count == 0 {
                return close()
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                readable = false
            } else if errno != EINTR {
                return close()
            }
        }
    }

    func close() {
        guard state != .closed else { return }
        state = .closed
        deadline = 0
        outbound = []
        loop.remove(self)
        Glibc.close(fd)
    }
}
