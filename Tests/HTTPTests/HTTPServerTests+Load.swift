import Foundation
import Glibc
import Testing
@testable import HTTP

/// What the event loops are for: connections that hold nothing but a descriptor (idle keep-alive,
/// slow clients) must not keep others from being answered. Bounds on time are generous; they check
/// that answers come, not how fast.
extension HTTPServerTests {
    /// Raises the soft descriptor limit to at least `count` (up to the hard limit) for the many-connection tests.
    static func allowDescriptors(_ count: Int) {
        var limit = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur < rlim_t(count) else { return }
        limit.rlim_cur = min(rlim_t(count), limit.rlim_max)
        _ = setrlimit(resource, &limit)
    }

    /// A fresh connection's GET /hello, with how long the answer took.
    static func freshGet(port: Int) throws -> (status: Int, seconds: Double) {
        let start = Date()
        let client = try RawClient(port: port, receiveTimeout: 10)
        client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        return (response.status, Date().timeIntervalSince(start))
    }

    @Test func holdsTwoThousandIdleKeepAliveConnections() async throws {
        Self.allowDescriptors(8192)
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, backlog: 4096, maxConnections: 3000,
                                                    idleTimeout: .seconds(60))
        try await Self.withServer(configuration) { _, port in
            let (idleAnswers, fresh, stillHeld) = try await RawClient.offPool {
                // Each asks once, then stays open and idle.
                var idle: [RawClient] = []
                var idleAnswers = 0
                for _ in 0..<2000 {
                    let client = try RawClient(port: port, receiveTimeout: 10)
                    client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                    if try client.readResponse().status == 200 { idleAnswers += 1 }
                    idle.append(client)
                }
                let fresh = try (0..<20).map { _ in try Self.freshGet(port: port) }
                idle[0].send("GET /echo/again HTTP/1.1\r\nHost: t\r\n\r\n")
                let stillHeld = try idle[0].readResponse().body
                return (idleAnswers, fresh, stillHeld)
            }
            #expect(idleAnswers == 2000)
            #expect(fresh.allSatisfy { $0.status == 200 })
            #expect(fresh.allSatisfy { $0.seconds < 2 })
            #expect(stillHeld == "again")
        }
    }

    @Test func keepsAnsweringWhileTwoHundredClientsTrickleTheirHeads() async throws {
        Self.allowDescriptors(4096)
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, backlog: 1024, maxConnections: 1000,
                                                    headerTimeout: .seconds(30))
        try await Self.withServer(configuration) { _, port in
            let head = "GET /echo/slow HTTP/1.1\r\nHost: t\r\n\r\n"
            let trickled = 4
            let slow = try await RawClient.offPool { try (0..<200).map { _ in try RawClient(port: port, receiveTimeout: 10) } }
            let done = Flag()
            // One byte a second from each slow client, while fresh connections ask for /hello.
            async let trickle: Void = RawClient.offPool {
                for index in head.indices.prefix(trickled) {
                    for client in slow { client.send(String(head[index])) }
                    Thread.sleep(forTimeInterval: 1)
                }
                done.value.store(true, ordering: .releasing)
            }
            async let normal = RawClient.offPool {
                var answers: [(status: Int, seconds: Double)] = []
                while !done.value.load(ordering: .acquiring) {
                    answers.append(try Self.freshGet(port: port))
                    Thread.sleep(forTimeInterval: 0.05)
                }
                return answers
            }
            try await trickle
            let answers = try await normal
            // The slow clients were held, not dropped: the rest of their heads is answered.
            let slowStatuses = try await RawClient.offPool {
                for client in slow { client.send(String(head.dropFirst(trickled))) }
                return try slow.map { try $0.readResponse().status }
            }
            #expect(answers.count >= 10)
            #expect(answers.allSatisfy { $0.status == 200 })
            #expect(answers.allSatisfy { $0.seconds < 2 })
            #expect(slowStatuses.allSatisfy { $0 == 200 })
        }
    }

    @Test func refusesWith503WhenTooManyHandlersRun() async throws {
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, maxInFlight: 1, retryAfter: 3)
        let started = Flag()
        try await Self.withServer(configuration, router: Self.router(started: started)) { _, port in
            let holder = try RawClient(port: port)
            let busy = Task {
                try await RawClient.offPool {
                    holder.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
                    return try holder.readResponse()
                }
            }
            while !started.value.load(ordering: .acquiring) { try await Task.sleep(for: .milliseconds(10)) }
            let (refused, closed) = try await RawClient.offPool {
                let other = try RawClient(port: port)
                other.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                return (try other.readResponse(), other.isClosedByServer())
            }
            #expect(refused.status == 503)
            #expect(refused.headers["retry-after"] == "3")
            #expect(closed)
            #expect(try await busy.value.status == 200)
        }
    }

    @Test func closesAnIdleConnectionWithoutAWord() async throws {
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, idleTimeout: .milliseconds(300))
        try await Self.withServer(configuration) { _, port in
            let (response, closed) = try await RawClient.offPool {
                let client = try RawClient(port: port)
                client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                let response = try client.readResponse()
                // No 408: the next read sees the end of the stream, not bytes.
                return (response, client.isClosedByServer())
            }
            #expect(response.status == 200)
            #expect(closed)
        }
    }

    @Test func answersHeadWithoutABodyAndCarriesLargeBodiesBothWays() async throws {
        var router = Self.router()
        let big = String(repeating: "0123456789abcdef", count: 1 << 20)
        router.get("/big") { _ in .text(big) }
        router.post("/count", bodyLimit: 8 << 20) { .text("\($0.body.count) \($0.body.last ?? 0)") }
        try await Self.withServer(router: router) { _, port in
            let (head, next, large, upload) = try await RawClient.offPool {
                let client = try RawClient(port: port)
                client.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                let head = try client.readResponse(bodyless: true)
                client.send("GET /echo/after HTTP/1.1\r\nHost: t\r\n\r\n")
                let next = try client.readResponse()
                // 16 MiB: more than a socket buffer holds, so the loop writes it as the client reads.
                client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
                let large = try client.readResponse()
                // 4 MiB up: more than one turn of reading, so the loop serves others and comes back.
                client.send("POST /count HTTP/1.1\r\nHost: t\r\nContent-Length: \(4 << 20)\r\n\r\n"
                            + String(repeating: "a", count: (4 << 20) - 1) + "z")
                return (head, next, large, try client.readResponse())
            }
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == "5")
            #expect(next.body == "after")
            #expect(large.body.utf8.count == big.utf8.count)
            #expect(large.body == big)
            #expect(upload.body == "\(4 << 20) \(UInt8(ascii: "z"))")
        }
    }
}
