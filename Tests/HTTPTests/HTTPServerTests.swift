import Foundation
import Synchronization
import Testing
@testable import HTTP

@Suite(.serialized)
struct HTTPServerTests {
    final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }

    static func router(started: Flag = Flag()) -> Router {
        var router = Router()
        router.get("/hello") { _ in .text("hello") }
        router.get("/echo/{word}") { .text($0.parameters["word"] ?? "") }
        router.post("/echo") { HTTPResponse(status: .ok, body: $0.body) }
        router.get("/slow") { _ in
            started.value.store(true, ordering: .releasing)
            try await Task.sleep(for: .milliseconds(400))
            return .text("done")
        }
        return router
    }

    /// Deadlines generous enough for a machine busy with other tests: a request's bytes may wait
    /// a while for a thread to read them.
    static let fast = HTTPServerConfiguration(host: "127.0.0.1", port: 0, maxConnections: 64,
                                              headerTimeout: .seconds(5), bodyTimeout: .seconds(5),
                                              idleTimeout: .seconds(5))
    /// A short header deadline, for the slow client only.
    static let impatient = HTTPServerConfiguration(host: "127.0.0.1", port: 0, maxConnections: 64,
                                                   headerTimeout: .milliseconds(500), bodyTimeout: .milliseconds(500),
                                                   idleTimeout: .seconds(2))

    static func withServer(_ configuration: HTTPServerConfiguration = fast, router: Router = router(),
                           _ body: (HTTPServer, Int) async throws -> Void) async throws {
        let server = HTTPServer(configuration: configuration, responder: router)
        let port = try server.start()
        do {
            try await body(server, port)
        } catch {
            server.shutdown()
            await server.waitUntilStopped()
            throw error
        }
        server.shutdown()
        await server.waitUntilStopped()
    }

    @Test func answersAGet() async throws {
        try await Self.withServer { _, port in
            let response = try await RawClient.offPool {
                let client = try RawClient(port: port)
                client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.status == 200)
            #expect(response.body == "hello")
            #expect(response.headers["date"] != nil)
        }
    }

    @Test func keepsTheConnectionAliveThenClosesWhenAsked() async throws {
        try await Self.withServer { _, port in
            let (first, second, closed) = try await RawClient.offPool {
                let client = try RawClient(port: port)
                client.send("GET /echo/one HTTP/1.1\r\nHost: t\r\n\r\n")
                let first = try client.readResponse()
                client.send("GET /echo/two HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                let second = try client.readResponse()
                return (first, second, client.isClosedByServer())
            }
            #expect(first.body == "one")
            #expect(first.headers["connection"] == nil)
            #expect(second.body == "two")
            #expect(second.headers["connection"] == "close")
            #expect(closed)
        }
    }

    @Test func answersPipelinedRequestsInOrder() async throws {
        try await Self.withServer { _, port in
            let bodies = try await RawClient.offPool {
                let client = try RawClient(port: port)
                client.send((1...5).map { "GET /echo/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
                return try (1...5).map { _ in try client.readResponse().body }
            }
            #expect(bodies == ["1", "2", "3", "4", "5"])
        }
    }

    @Test func readsAChunkedPostAndHonoursExpectContinue() async throws {
        try await Self.withServer { _, port in
            let (chunked, interim, final) = try await RawClient.offPool {
                let client = try RawClient(port: port)
                client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n")
                client.send("2\r\nde\r\n0\r\nX-Trailer: yes\r\n\r\n")
                let chunked = try client.readResponse()
                client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
                let interim = try client.readResponse()
                client.send("body")
                return (chunked, interim, try client.readResponse())
            }
            #expect(chunked.body == "abcde")
            #expect(interim.status == 100)
            #expect(final.status == 200)
            #expect(final.body == "body")
        }
    }

    @Test func cutsASlowClientAtItsHeaderDeadline() async throws {
        try await Self.withServer(Self.impatient) { _, port in
            let (response, closed, elapsed) = try await RawClient.offPool {
                let client = try RawClient(port: port)
                let start = Date()
                client.send("GET /hello HTTP/1.1\r\nHo")
                let response = try client.readResponse()
                return (response, client.isClosedByServer(), Date().timeIntervalSince(start))
            }
            #expect(response.status == 408)
            #expect(closed)
            #expect(elapsed < 5)
        }
    }

    @Test func refusesWith503WhenSaturated() async throws {
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, maxConnections: 1, retryAfter: 7)
        try await Self.withServer(configuration) { _, port in
            let (busy, refused) = try await RawClient.offPool {
                let holder = try RawClient(port: port)
                holder.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
                let other = try RawClient(port: port)
                let refused = try other.readResponse()
                return (try holder.readResponse(), refused)
            }
            #expect(refused.status == 503)
            #expect(refused.headers["retry-after"] == "7")
            #expect(refused.headers["connection"] == "close")
            #expect(busy.status == 200)
        }
    }

    @Test func shutdownFinishesTheRequestInFlight() async throws {
        let started = Flag()
        let server = HTTPServer(configuration: Self.fast, responder: Self.router(started: started))
        let port = try server.start()
        let slow = try RawClient(port: port)
        let idle = try RawClient(port: port)
        let inFlight = Task {
            try await RawClient.offPool {
                slow.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
                return try slow.readResponse()
            }
        }
        while !started.value.load(ordering: .acquiring) { try await Task.sleep(for: .milliseconds(10)) }
        server.shutdown()
        await server.waitUntilStopped()
        let response = try await inFlight.value
        #expect(response.status == 200)
        #expect(response.body == "done")
        #expect(response.headers["connection"] == "close")
        #expect(try await RawClient.offPool { idle.isClosedByServer() })
        #expect(throws: RawClient.Failure.self) { try RawClient(port: port) }
    }
}
