internal import CEpoll
internal import Glibc

/// The listening socket and accepting from it. Connections are plain non-blocking descriptors
/// driven by the event loops; writes to them use MSG_NOSIGNAL so a vanished peer never raises SIGPIPE.
enum Socket {
    enum Accepted {
        case connection(Int32)
        /// Nothing is waiting.
        case empty
        /// The process or system is out of descriptors: accepting again at once would spin.
        case outOfDescriptors
        /// A connection that failed before it was accepted; try the next.
        case failed
    }

    /// A non-blocking listening IPv4 socket with SO_REUSEADDR.
    static func listen(host: String, port: Int, backlog: Int) throws(SocketError) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
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
        return fd
    }

    /// The port `fd` is bound to.
    static func localPort(_ fd: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The next waiting connection, already non-blocking, close-on-exec and with TCP_NODELAY
    /// (responses go out in one write, and Nagle would hold a pipelined one back).
    static func accept(_ listener: Int32) -> Accepted {
        let fd = accept4(listener, nil, nil, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
        guard fd >= 0 else {
            switch errno {
            case EAGAIN, EWOULDBLOCK: return .empty
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .outOfDescriptors
            default: return .failed
            }
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return .connection(fd)
    }

    /// The IPv4 address of the connection's peer ("127.0.0.1"), or nil if it cannot be read.
    static func peerAddress(_ fd: Int32) -> String? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let read = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        guard read == 0, address.sin_family == sa_family_t(AF_INET) else { return nil }
        var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        guard inet_ntop(AF_INET, &address.sin_addr, &text, socklen_t(INET_ADDRSTRLEN)) != nil else { return nil }
        return String(cString: text)
    }

    /// Sends what fits at once, then closes: for a refusal that must never hold up a loop.
    static func sendAndClose(_ fd: Int32, _ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
        Glibc.shutdown(fd, Int32(SHUT_WR))
        Glibc.close(fd)
    }
}
