internal import Synchronization

/// One client connection served on a worker thread until it closes: requests are parsed,
/// answered in order (pipelined ones included) and each phase has its deadline.
struct HTTPConnection {
    let socket: Socket
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    /// Readable once the server stops; watched only while the connection is idle.
    let wakeFD: Int32
    let isStopping: @Sendable () -> Bool

    private static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    func run() {
        let responder = self.responder
        var parser = HTTPRequestParser(limits: configuration.limits, bodyLimit: { responder.bodyLimit(for: $0) })
        var served = 0
        // The phase the current deadline belongs to; nil forces a fresh deadline.
        var deadlinePhase: HTTPRequestParser.Phase? = .head
        var deadline = Deadline.after(configuration.headerTimeout)
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)

        while true {
            let event: HTTPRequestParser.Event?
            do {
                event = try parser.next()
            } catch {
                refuse(error)
                return
            }
            switch event {
            case .expectContinue:
                guard socket.write(Self.continueBytes, deadline: .after(configuration.writeTimeout)) else { return socket.close() }
                continue
            case .request(let request):
                served += 1
                let response = AsyncBridge.wait { await responder.respond(to: request) }
                // Decided after the handler: a shutdown that began meanwhile closes this connection.
                let keepAlive = request.keepAlive && served < configuration.maxRequestsPerConnection && !isStopping()
                let bytes = response.serialized(keepAlive: keepAlive, requestVersion: request.version,
                                                omitBody: request.method == .head)
                guard socket.write(bytes, deadline: .after(configuration.writeTimeout)) else { return socket.close() }
                guard keepAlive else { return socket.closeGracefully() }
                deadlinePhase = nil
                continue
            case nil:
                break
            }

            let phase = parser.phase
            if phase != deadlinePhase {
                deadlinePhase = phase
                switch phase {
                case .idle: deadline = .after(configuration.idleTimeout)
                case .head: deadline = .after(configuration.headerTimeout)
                case .body: deadline = .after(configuration.bodyTimeout)
                }
            }
            // Idle connections close at once on shutdown; a request already begun is finished.
            if phase == .idle && isStopping() { return socket.close() }
            let result = buffer.withUnsafeMutableBytes {
                socket.read(into: $0, deadline: deadline, wake: phase == .idle ? wakeFD : nil)
            }
            switch result {
            case .bytes(let count):
                parser.append(buffer[..<count])
            case .timedOut where phase != .idle:
                refuse(HTTPError(.requestTimeout, message: "The request was not received in time."))
                return
            case .timedOut, .closed, .woken, .failed:
                return socket.close()
            }
        }
    }

    /// Answers a refused or timed-out request and closes the connection.
    private func refuse(_ error: HTTPError) {
        let bytes = responder.response(for: error).serialized(keepAlive: false)
        if socket.write(bytes, deadline: .after(configuration.writeTimeout)) {
            socket.closeGracefully()
        } else {
            socket.close()
        }
    }
}
