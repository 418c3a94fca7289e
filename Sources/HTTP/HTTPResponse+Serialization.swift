extension HTTPResponse {
    /// The bytes on the wire. The server owns framing: Content-Length, Connection, Date and
    /// Transfer-Encoding set by a handler are replaced, and a field with CR or LF is dropped.
    func serialized(keepAlive: Bool, requestVersion: HTTPVersion = .http11, omitBody: Bool = false,
                    date: String = HTTPDate.now()) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for (name, value) in headers {
            if HTTPHeaders.same(name, "Content-Length") || HTTPHeaders.same(name, "Connection")
                || HTTPHeaders.same(name, "Date") || HTTPHeaders.same(name, "Transfer-Encoding") { continue }
            if name.utf8.contains(where: { $0 == 13 || $0 == 10 }) || value.utf8.contains(where: { $0 == 13 || $0 == 10 }) {
                continue
            }
            head += "\(name): \(value)\r\n"
        }
        head += "Date: \(date)\r\n"
        let bodyAllowed = !status.forbidsBody
        if bodyAllowed { head += "Content-Length: \(body.count)\r\n" }
        if !keepAlive {
            head += "Connection: close\r\n"
        } else if requestVersion == .http10 {
            head += "Connection: keep-alive\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if bodyAllowed && !omitBody { bytes += body }
        return bytes
    }
}
