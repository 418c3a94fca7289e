import Foundation
import Glibc

/// A blocking TCP client for live-server tests: raw bytes out, responses parsed just enough.
/// Every call runs on a thread of its own (`RawClient.offPool`) so the cooperative pool stays free
/// for the server's handlers.
final class RawClient: @unchecked Sendable {
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    struct Failure: Error {
        let what: String
    }

    let fd: Int32
    private var buffer: [UInt8] = []

    /// - Parameter receiveTimeout: long, because other test suites running at the same time may
    ///   keep the machine's two cores busy for a while.
    init(port: Int, receiveTimeout: Int = 60) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw Failure(what: "connect errno \(errno)")
        }
        var timeout = timeval(tv_sec: receiveTimeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { Glibc.close(fd) }

    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads more bytes; false on end of stream or timeout.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    /// - Parameter bodyless: the answer to a HEAD request: Content-Length announces a body that is not sent.
    func readResponse(bodyless: Bool = false) throws -> Response {
        let separator = Array("\r\n\r\n".utf8)
        var end: Int?
        while true {
            end = buffer.indices.dropLast(3).first { buffer[$0..<$0 + 4].elementsEqual(separator) }
            if end != nil { break }
            guard fill() else { throw Failure(what: "no response head; got \(String(decoding: buffer, as: UTF8.self))") }
        }
        let head = String(decoding: buffer[..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        let length = bodyless ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length {
            guard fill() else { throw Failure(what: "short body") }
        }
        let body = String(decoding: buffer[..<length], as: UTF8.self)
        buffer.removeFirst(length)
        return Response(status: Int(statusLine[1]) ?? 0, headers: headers, body: body)
    }

    /// Whether the server closed the connection (end of stream) before the receive timeout.
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, 0) == 0
    }
}
