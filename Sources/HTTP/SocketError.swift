/// A failed system call while setting up the listening socket.
public struct SocketError: Error, Equatable, Sendable, CustomStringConvertible {
    public let call: String
    public let errno: Int32

    public var description: String { "\(call) failed (errno \(errno))" }
}
