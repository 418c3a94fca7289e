internal import Glibc

/// A non-blocking TCP socket descriptor with the few operations the server needs, each bounded
/// by a deadline through poll(2). Writes use MSG_NOSIGNAL so a vanished peer never raises SIGPIPE.
struct Socket: Sendable {
    let fd: Int32

    enum ReadResult: Equatable {
        case bytes(Int)
        case closed
        case timedOut
        /// The wake descriptor became readable: the server is stopping.
        case woken
        case failed
    }

    /// A listening IPv4 socket with SO_REUSEADDR.
    static func listen(host: String, port: Int, backlog: Int) throws(SocketError) -> Socket {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError(call: "socket", errno: errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            Glibc.close(fd)
            throw SocketError(call: "inet_pton(\(host))", errno: EINVAL)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw SocketError(call: "bind", errno: code)
        }
        guard Glibc.listen(fd, Int32(backlog)) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw SocketError(call: "listen", errno: code)
        }
        return Socket(fd: fd)
    }

    /// The port the socket is bound to.
    var localPort: Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The next connection, non-blocking with TCP_NODELAY; nil on a transient failure.
    func accept() -> Socket? {
        let client = Glibc.accept(fd, nil, nil)
        guard client >= 0 else { return nil }
        Self.makeNonBlocking(client)
        var one: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return Socket(fd: client)
    }

    /// Sets O_NONBLOCK and FD_CLOEXEC (accept4 and pipe2 are not visible from Swift's Glibc module).
    static func makeNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
    }

    /// Waits until `fd` or `wake` is readable, or the deadline (nil: forever). Returns poll's revents.
    static func waitReadable(_ fd: Int32, wake: Int32?, timeout: Int32) -> (ready: Bool, woken: Bool) {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        if let wake { fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
        let result = poll(&fds, nfds_t(fds.count), timeout)
        guard result > 0 else { return (false, false) }
        return (fds[0].revents != 0, fds.count > 1 && fds[1].revents != 0)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: Deadline, wake: Int32?) -> ReadResult {
        while true {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .closed }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { return .failed }
            let timeout = deadline.remainingMilliseconds
            if timeout == 0 { return .timedOut }
            let (ready, woken) = Self.waitReadable(fd, wake: wake, timeout: timeout)
            if woken && !ready { return .woken }
        }
    }

    /// Writes every byte before the deadline; false if the peer is gone or too slow.
    func write(_ bytes: [UInt8], deadline: Deadline) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent > 0 {
                    offset += sent
                    continue
                }
                guard sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { return false }
                let timeout = deadline.remainingMilliseconds
                if timeout == 0 { return false }
                var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&pfd, 1, timeout)
            }
            return true
        }
    }

    /// Closes after the response is out: half-close, then discard what the client still sends
    /// for a moment, so unread input does not turn the close into a reset that loses the response.
    func closeGracefully(linger: Duration = .seconds(1)) {
        shutdown(fd, Int32(SHUT_WR))
        let deadline = Deadline.after(linger)
        var scratch = [UInt8](repeating: 0, count: 4096)
        var discarded = 0
        scratch.withUnsafeMutableBytes { buffer in
            while discarded < 1 << 20, case .bytes(let count) = read(into: buffer, deadline: deadline, wake: nil) {
                discarded += count
            }
        }
        close()
    }

    func close() {
        _ = Glibc.close(fd)
    }
}
