internal import CEpoll
internal import Glibc
internal import Synchronization

/// How other threads reach an event loop: messages under a lock, and an eventfd in the loop's epoll.
/// The eventfd is written only when the mailbox was not already signalled, so a busy loop collects
/// many handlers' responses per wake-up and per system call.
final class LoopMailbox: Sendable {
    enum Message: Sendable {
        /// An accepted connection handed over by the loop that accepted it.
        case adopt(Int32)
        /// A handler's serialized response for a connection of this loop.
        case completed(ConnectionHandle, [UInt8], keepAlive: Bool)
        /// The server is shutting down.
        case stop
    }

    /// A connection carried through its handler's task and back to its loop, never touched on the way:
    /// `HTTPConnection` belongs to its loop's thread alone.
    struct ConnectionHandle: @unchecked Sendable {
        let connection: HTTPConnection
    }

    private struct State {
        var messages: [Message] = []
        /// The eventfd was written and the loop has not collected since.
        var signalled = false
        /// The loop has ended; nothing more will be collected.
        var closed = false
    }

    let eventFD: Int32
    private let state = Mutex(State())

    init() throws(SocketError) {
        eventFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard eventFD >= 0 else { throw SocketError(call: "eventfd", errno: errno) }
    }

    // Closed only once nobody can post: the loop, the server and every handler task hold the mailbox.
    deinit { Glibc.close(eventFD) }

    /// False once the loop has ended: the caller still owns what it meant to hand over.
    @discardableResult
    func post(_ message: Message) -> Bool {
        let (accepted, wake) = state.withLock { state -> (Bool, Bool) in
            guard !state.closed else { return (false, false) }
            state.messages.append(message)
            let wake = !state.signalled
            state.signalled = true
            return (true, wake)
        }
        if wake {
            var one: UInt64 = 1
            _ = Glibc.write(eventFD, &one, 8)
        }
        return accepted
    }

    /// Moves the waiting messages into `batch` (empty, its capacity reused). The eventfd is reset first,
    /// so a message posted after the swap always signals again.
    func collect(into batch: inout [Message]) {
        var count: UInt64 = 0
        _ = Glibc.read(eventFD, &count, 8)
        state.withLock { state in
            swap(&state.messages, &batch)
            state.signalled = false
        }
    }

    /// Closes the mailbox for good if nothing is waiting; false if a message arrived meanwhile.
    func closeIfEmpty() -> Bool {
        state.withLock { state in
            guard state.messages.isEmpty else { return false }
            state.closed = true
            return true
        }
    }
}
