import Testing
@testable import HTTP

struct RouterTests {
    static func request(_ method: HTTPMethod, _ target: String, body: String = "") throws -> HTTPRequest {
        try HTTPRequest(method: method, target: target, headers: ["Host": "test"], body: Array(body.utf8))
    }

    static let router: Router = {
        var router = Router()
        router.get("/items/{id}") { .text("item \($0.parameters["id"] ?? "")") }
        router.get("/items/new") { _ in .text("new form") }
        router.post("/items", bodyLimit: 10) { .text("created \($0.body.count)", status: .created) }
        router.delete("/items/{id}") { _ in throw HTTPError(.forbidden, code: "not_yours", message: "Not yours.") }
        router.get("/boom") { _ in throw CancellationError() }
        router.get("/") { _ in .text("home") }
        return router
    }()

    @Test func matchesParametersAndPrefersLiterals() async throws {
        #expect(await Self.router.respond(to: try Self.request(.get, "/items/42")).bodyText == "item 42")
        #expect(await Self.router.respond(to: try Self.request(.get, "/items/a%2Fb")).bodyText == "item a/b")
        #expect(await Self.router.respond(to: try Self.request(.get, "/items/new")).bodyText == "new form")
        #expect(await Self.router.respond(to: try Self.request(.get, "/")).bodyText == "home")
        #expect(await Self.router.respond(to: try Self.request(.head, "/items/1")).bodyText == "item 1")
        let created = await Self.router.respond(to: try Self.request(.post, "/items", body: "abc"))
        #expect(created.status == .created)
    }

    @Test func answers404And405WithAllow() async throws {
        #expect(await Self.router.respond(to: try Self.request(.get, "/nothing")).status == .notFound)
        #expect(await Self.router.respond(to: try Self.request(.get, "/items/")).status == .notFound)
        let wrongMethod = await Self.router.respond(to: try Self.request(.put, "/items/7"))
        #expect(wrongMethod.status == .methodNotAllowed)
        #expect(wrongMethod.headers["allow"] == "DELETE, GET, HEAD")
    }

    @Test func turnsErrorsIntoResponses() async throws {
        let forbidden = await Self.router.respond(to: try Self.request(.delete, "/items/7"))
        #expect(forbidden.status == .forbidden)
        #expect(forbidden.bodyText == "Not yours.\n")
        #expect(await Self.router.respond(to: try Self.request(.get, "/boom")).status == .internalServerError)
    }

    @Test func rendersErrorsWithTheApplicationsClosure() async throws {
        var router = Router { error in
            .text("{\"error\":{\"code\":\"\(error.code)\",\"message\":\"\(error.message)\",\"field\":null}}",
                  status: error.status, contentType: "application/json")
        }
        router.get("/x") { _ in throw HTTPError(.conflict, code: "stale", message: "Changed meanwhile.") }
        let response = await router.respond(to: try Self.request(.get, "/x"))
        #expect(response.status == .conflict)
        #expect(response.bodyText == #"{"error":{"code":"stale","message":"Changed meanwhile.","field":null}}"#)
        #expect(await router.respond(to: try Self.request(.get, "/y")).bodyText.contains(#""code":"not_found""#))
    }

    @Test func givesBodyLimitsPerRoute() throws {
        #expect(Self.router.bodyLimit(for: try Self.request(.post, "/items")) == 10)
        #expect(Self.router.bodyLimit(for: try Self.request(.get, "/items/1")) == HTTPLimits.defaultBodyLimit)
    }

    @Test func serializesResponses() {
        let response = HTTPResponse.text("hi", status: .ok)
        let text = String(decoding: response.serialized(keepAlive: false, date: "D"), as: UTF8.self)
        #expect(text == "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nDate: D\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi")
        let head = String(decoding: response.serialized(keepAlive: true, omitBody: true, date: "D"), as: UTF8.self)
        #expect(head.hasSuffix("Content-Length: 2\r\n\r\n"))
        #expect(HTTPDate.now().hasSuffix(" GMT"))
    }
}
