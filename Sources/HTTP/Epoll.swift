internal import CEpoll
internal import Glibc

/// One epoll instance. Each watched descriptor carries a 64-bit token its owner maps back to what it watches.
struct Epoll {
    let fd: Int32

    static let input = EPOLLIN.rawValue
    static let output = EPOLLOUT.rawValue
    static let peerClosed = EPOLLRDHUP.rawValue
    static let hangUp = EPOLLHUP.rawValue
    static let error = EPOLLERR.rawValue
    static let edgeTriggered = EPOLLET.rawValue
    static let exclusive = EPOLLEXCLUSIVE.rawValue

    init() throws(SocketError) {
        fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw SocketError(call: "epoll_create1", errno: errno) }
    }

    /// False if the descriptor could not be watched.
    func add(_ watched: Int32, events: UInt32, token: UInt64) -> Bool {
        var event = epoll_event()
        event.events = events
        event.data.u64 = token
        return epoll_ctl(fd, Int32(EPOLL_CTL_ADD), watched, &event) == 0
    }

    func remove(_ watched: Int32) {
        var event = epoll_event()
        _ = epoll_ctl(fd, Int32(EPOLL_CTL_DEL), watched, &event)
    }

    /// Ready events written to `events`; 0 on timeout or interruption. `timeout` in milliseconds, -1 forever.
    func wait(into events: UnsafeMutableBufferPointer<epoll_event>, timeout: Int32) -> Int {
        let count = epoll_wait(fd, events.baseAddress, Int32(events.count), timeout)
        return max(0, Int(count))
    }

    func close() {
        _ = Glibc.close(fd)
    }
}
