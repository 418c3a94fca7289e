/// A strict, incremental HTTP/1.1 request parser: bytes go in with `append`, requests come out of
/// `next()` in order (pipelined requests included). Pure value code: no sockets, no clock.
///
/// Refusals are thrown as `HTTPError` with the status the server answers before closing; after
/// one, the parser stays failed. Limits: `HTTPLimits` for the head, the body limit asked per
/// request through `bodyLimit(head)` once the head is known (the head is the request without its body).
public struct HTTPRequestParser: Sendable {
    public enum Event: Sendable, Equatable {
        /// The head asked for `Expect: 100-continue`: the server sends `100 Continue` before the body comes.
        case expectContinue
        case request(HTTPRequest)
    }

    /// Where the parser is in the current request, so the server can choose the deadline.
    public enum Phase: Sendable, Equatable {
        /// Between requests, nothing buffered.
        case idle
        case head
        case body
    }

    private enum State: Sendable {
        case requestLine
        case headers
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case failed(HTTPError)
    }

    /// The request being read; reset after each one.
    private struct Pending: Sendable {
        var method = HTTPMethod.get
        var target = ""
        var parts: RequestTarget?
        var version = HTTPVersion.http11
        var headers = HTTPHeaders()
        var trailers = HTTPHeaders()
        var headerBytes = 0
        var bodyLimit = 0
    }

    public let limits: HTTPLimits
    private let bodyLimit: @Sendable (HTTPRequest) -> Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// How far past `start` a line feed has been looked for already, so byte-by-byte input stays linear.
    private var scanned = 0
    private var state = State.requestLine
    private var pending = Pending()
    private var body: [UInt8] = []

    public init(limits: HTTPLimits = HTTPLimits(),
                bodyLimit: @escaping @Sendable (HTTPRequest) -> Int = { _ in HTTPLimits.defaultBodyLimit }) {
        self.limits = limits
        self.bodyLimit = bodyLimit
    }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received and not yet consumed.
    public var bufferedCount: Int { buffer.count - start }

    public var phase: Phase {
        switch state {
        case .requestLine: bufferedCount == 0 ? .idle : .head
        case .headers, .failed: .head
        case .fixedBody, .chunkSize, .chunkData, .chunkDataEnd, .trailers: .body
        }
    }

    /// The next event the buffered bytes allow, nil when more bytes are needed.
    public mutating func next() throws(HTTPError) -> Event? {
        do {
            return try step()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func step() throws(HTTPError) -> Event? {
        while true {
            switch state {
            case .failed(let error):
                throw error
            case .requestLine:
                guard let line = try takeLine(limit: limits.requestLine, tooLong: Self.uriTooLong) else { return nil }
                if line.isEmpty { continue } // RFC 9112 §2.2: empty lines before a request are ignored.
                try parseRequestLine(line)
                state = .headers
            case .headers:
                let remaining = limits.headerBlock - pending.headerBytes
                guard let line = try takeLine(limit: remaining, tooLong: Self.headersTooLarge) else { return nil }
                pending.headerBytes += line.count + 2
                if line.isEmpty {
                    if let event = try finishHead() { return event }
                    continue
                }
                try parseField(line, into: &pending.headers)
            case .fixedBody(let remaining):
                let count = min(remaining, bufferedCount)
                body.append(contentsOf: buffer[start..<start + count])
                consume(count)
                if remaining == count { return .request(finishRequest()) }
                state = .fixedBody(remaining: remaining - count)
                return nil
            case .chunkSize:
                guard let line = try takeLine(limit: limits.chunkLine, tooLong: Self.bad("chunk_line", "A chunk-size line is too long."))
                else { return nil }
                let size = try parseChunkSize(line)
                if size == 0 {
                    state = .trailers
                } else {
                    guard size <= pending.bodyLimit - body.count else { throw Self.tooLarge(pending.bodyLimit) }
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let count = min(remaining, bufferedCount)
                body.append(contentsOf: buffer[start..<start + count])
                consume(count)
                guard remaining == count else {
                    state = .chunkData(remaining: remaining - count)
                    return nil
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard bufferedCount >= 2 else {
                    if bufferedCount == 1 && buffer[start] != Self.cr { throw Self.bad("chunk", "A chunk's data is not followed by CRLF.") }
                    return nil
                }
                guard buffer[start] == Self.cr && buffer[start + 1] == Self.lf else {
                    throw Self.bad("chunk", "A chunk's data is not followed by CRLF.")
                }
                consume(2)
                state = .chunkSize
            case .trailers:
                let remaining = limits.headerBlock - pending.headerBytes
                guard let line = try takeLine(limit: remaining, tooLong: Self.headersTooLarge) else { return nil }
                pending.headerBytes += line.count + 2
                if line.isEmpty { return .request(finishRequest()) }
                try parseField(line, into: &pending.trailers)
            }
        }
    }

    // MARK: Lines

    /// The next CRLF-terminated line without its CRLF, nil if incomplete. A bare LF or CR is refused.
    private mutating func takeLine(limit: Int, tooLong: HTTPError) throws(HTTPError) -> ArraySlice<UInt8>? {
        let from = start + scanned
        guard let lf = buffer[from...].firstIndex(of: Self.lf) else {
            scanned = bufferedCount
            // One byte of slack for a CR whose LF has not arrived yet.
            if bufferedCount > limit + 1 { throw tooLong }
            return nil
        }
        // Too long before badly ended, as when the line comes in pieces and is refused before its LF:
        // the same bytes get the same refusal however they are cut.
        if lf - start > limit + 1 { throw tooLong }
        guard lf > start, buffer[lf - 1] == Self.cr else { throw Self.bad("bare_lf", "A line ends with LF without CR.") }
        let line = buffer[start..<lf - 1]
        if line.contains(Self.cr) { throw Self.bad("bare_cr", "A line contains a bare CR.") }
        consume(lf + 1 - start)
        return line
    }

    private mutating func consume(_ count: Int) {
        start += count
        scanned = 0
        if start == buffer.count {
            // Small buffers are kept for the next request; a large one is not held by an idle connection.
            if buffer.capacity > 16 * 1024 { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
            start = 0
        }
    }

    // MARK: Head

    private mutating func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPError) {
        let parts = line.split(separator: Self.space, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenByte), !parts[1].isEmpty,
              !parts[2].contains(Self.space)
        else { throw Self.bad("request_line", "The request line is not `METHOD target HTTP/1.1`.") }
        pending.version = try Self.parseVersion(parts[2])
        pending.method = HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self))
        let target = String(decoding: parts[1], as: UTF8.self)
        guard let split = RequestTarget(target) else {
            throw Self.bad("bad_target", "Only origin-form targets (a path starting with /) are accepted.")
        }
        pending.target = target
        pending.parts = split
    }

    private static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPError) -> HTTPVersion {
        let text = Array(bytes)
        guard text.count == 8, text.starts(with: Array("HTTP/".utf8)), text[6] == UInt8(ascii: "."),
              let major = digit(text[5]), let minor = digit(text[7])
        else { throw bad("bad_version", "The HTTP version is malformed.") }
        switch (major, minor) {
        case (1, 1): return .http11
        case (1, 0): return .http10
        default: throw HTTPError(.httpVersionNotSupported, message: "Only HTTP/1.0 and HTTP/1.1 are served.")
        }
    }

    private func parseField(_ line: ArraySlice<UInt8>, into headers: inout HTTPHeaders) throws(HTTPError) {
        guard let first = line.first, first != Self.space, first != Self.tab else {
            throw Self.bad("obsolete_folding", "Obsolete line folding is not accepted.")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
              line[..<colon].allSatisfy(Self.isTokenByte)
        else { throw Self.bad("bad_header", "A header line is not `Name: value`.") }
        var value = line[(colon + 1)...]
        while let byte = value.first, byte == Self.space || byte == Self.tab { value.removeFirst() }
        while let byte = value.last, byte == Self.space || byte == Self.tab { value.removeLast() }
        guard value.allSatisfy({ $0 == Self.tab || $0 >= 0x20 && $0 != 0x7F }) else {
            throw Self.bad("bad_header", "A header value contains a control character.")
        }
        guard pending.headers.count + pending.trailers.count < limits.headerCount else {
            throw HTTPError(.requestHeaderFieldsTooLarge, message: "More than \(limits.headerCount) header fields.")
        }
        headers.add(String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// Checks the framing headers and decides how the body is read; returns `.expectContinue` when asked.
    private mutating func finishHead() throws(HTTPError) -> Event? {
        let headers = pending.headers
        if pending.version == .http11 && headers.values("Host").count != 1 {
            throw Self.bad("bad_host", "An HTTP/1.1 request needs exactly one Host header.")
        }
        let transferEncoding = headers.values("Transfer-Encoding")
        let contentLength = headers.values("Content-Length")
        if !transferEncoding.isEmpty && !contentLength.isEmpty {
            throw Self.bad("ambiguous_length", "A request may not carry both Content-Length and Transfer-Encoding.")
        }
        // Asked only when a body is announced: most requests have none, and the answer costs a route lookup.
        if !transferEncoding.isEmpty || !contentLength.isEmpty { pending.bodyLimit = bodyLimit(makeRequest()) }
        var chunked = false
        var length = 0
        if !transferEncoding.isEmpty {
            guard pending.version == .http11 else {
                throw Self.bad("bad_transfer_encoding", "Transfer-Encoding is not allowed in HTTP/1.0.")
            }
            let codings = transferEncoding.flatMap { $0.split(separator: ",").map { $0.trimmingSpaces.lowercased() } }
            // RFC 9112 §6.3: without chunked last the length is unknowable (400); other codings are not implemented (501).
            guard codings.last == "chunked" else {
                throw Self.bad("bad_transfer_encoding", "The chunked coding must be the last one.")
            }
            guard codings.count == 1 else {
                throw HTTPError(.notImplemented, message: "Only the chunked transfer coding is supported.")
            }
            chunked = true
        } else if !contentLength.isEmpty {
            var values = Set<Int>()
            for item in contentLength.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
                let digits = item.trimmingSpaces
                guard !digits.isEmpty, digits.count <= 18, digits.utf8.allSatisfy({ Self.digit($0) != nil }),
                      let value = Int(digits)
                else { throw Self.bad("bad_content_length", "Content-Length is not a number.") }
                values.insert(value)
            }
            guard values.count == 1, let value = values.first else {
                throw Self.bad("ambiguous_length", "The request carries different Content-Length values.")
            }
            guard value <= pending.bodyLimit else { throw Self.tooLarge(pending.bodyLimit) }
            length = value
        }
        var expectContinue = false
        if let expect = headers["Expect"], pending.version == .http11 {
            guard HTTPHeaders.same(expect.trimmingSpaces, "100-continue") else {
                throw HTTPError(.expectationFailed, message: "Only `Expect: 100-continue` is understood.")
            }
            expectContinue = chunked || length > 0
        }
        body = []
        if chunked {
            state = .chunkSize
        } else if length > 0 {
            body.reserveCapacity(length)
            state = .fixedBody(remaining: length)
        } else {
            return .request(finishRequest())
        }
        return expectContinue ? .expectContinue : nil
    }

    private mutating func parseChunkSize(_ line: ArraySlice<UInt8>) throws(HTTPError) -> Int {
        var size = 0
        var index = line.startIndex
        while index < line.endIndex, let value = PercentEncoding.hex(line[index]) {
            guard size <= (Int.max >> 4) else { throw Self.bad("bad_chunk_size", "A chunk size is too large.") }
            size = size << 4 | Int(value)
            index += 1
        }
        guard index > line.startIndex else { throw Self.bad("bad_chunk_size", "A chunk size is not hexadecimal.") }
        // What follows may only be extensions: `;name[=value]`, optionally after whitespace.
        var rest = line[index...]
        while let byte = rest.first, byte == Self.space || byte == Self.tab { rest.removeFirst() }
        guard rest.isEmpty || rest.first == UInt8(ascii: ";"),
              rest.allSatisfy({ $0 == Self.tab || $0 >= 0x20 && $0 != 0x7F })
        else { throw Self.bad("bad_chunk_size", "A chunk-size line has unexpected text after the size.") }
        return size
    }

    private func makeRequest() -> HTTPRequest {
        HTTPRequest(method: pending.method, target: pending.target, parts: pending.parts ?? RequestTarget("/")!,
                    version: pending.version, headers: pending.headers, body: body, trailers: pending.trailers)
    }

    private mutating func finishRequest() -> HTTPRequest {
        let request = makeRequest()
        pending = Pending()
        body = []
        state = .requestLine
        return request
    }

    // MARK: Bytes and errors

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// RFC 9110 tchar.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func bad(_ code: String, _ message: String) -> HTTPError {
        HTTPError(.badRequest, code: code, message: message)
    }

    private static func tooLarge(_ limit: Int) -> HTTPError {
        HTTPError(.contentTooLarge, message: "The body is larger than the \(limit) bytes this route accepts.")
    }

    private static let uriTooLong = HTTPError(.uriTooLong, message: "The request line is too long.")
    private static let headersTooLarge = HTTPError(.requestHeaderFieldsTooLarge, message: "The header block is too large.")
}
