import Foundation
import Testing
import HTTP
import Server
import Casework
import Classifier
import Domain
import CaseworkSupport

/// The API over the authorization fixture, called without a socket, with a session per role.
struct APIHarness {
    let fixture: AuthorizationFixture
    let api: APIServer
    let tokens: [String: String]

    static let classifier: TopicClassifier = try! ModelFile.read(
        path: AuthorizationFixture.root.appendingPathComponent("routing-rules/model/classifier.tsv").path)

    init(publicSubmissions: RateLimiter = RateLimiter(limit: 100, window: 3600),
         publicLookups: RateLimiter = RateLimiter(limit: 1000, window: 60)) throws {
        fixture = try AuthorizationFixture(bufferedViews: true)
        let routing = try GrievanceRouting(book: AuthorizationFixture.book, classifier: APIHarness.classifier, office: nil)
        // The fixture's roles are principals, not all of them accounts: the sessions' periodic re-check
        // (every minute) must find them, or a run slowed by other suites loses its tokens midway.
        let casework = fixture.casework
        let sessions = SessionStore { login in
            AuthorizationFixture.roles.first { $0.principal.login == login && login != "granted" }?.principal
                ?? (try? casework.principal(login: login, systemUser: ""))
        }
        let context = APIContext(casework: fixture.casework, routing: routing, sessions: sessions, publicSubmissions: publicSubmissions,
                                 publicLookups: publicLookups, publicOffice: "mttq-bay-hien")
        api = APIServer(context: context)
        var tokens: [String: String] = [:]
        for (name, principal) in AuthorizationFixture.roles {
            tokens[name] = context.sessions.open(principal, mustChangePassword: false, at: Date())
        }
        self.tokens = tokens
    }

    /// A request as a client sends it; `as` names the fixture's role whose token is sent.
    func call(_ method: HTTPMethod, _ target: String, as role: String? = nil, token: String? = nil, json: String? = nil,
              address: String = "192.0.2.7") async throws -> HTTPResponse {
        var headers: HTTPHeaders = ["Host": "danvan.test"]
        if let bearer = token ?? role.flatMap({ tokens[$0] }) { headers.add("Authorization", "Bearer " + bearer) }
        if json != nil { headers.add("Content-Type", "application/json") }
        var request = try HTTPRequest(method: method, target: target, headers: headers, body: Array((json ?? "").utf8))
        request.remoteAddress = address
        return await api.respond(to: request)
    }

    /// The body as JSON (an object), or a recorded issue.
    static func object(_ response: HTTPResponse, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            Issue.record("not a JSON object: \(response.bodyText)", sourceLocation: sourceLocation)
            return [:]
        }
        return object
    }

    /// The error body's code, checking the one error shape on the way.
    static func errorCode(_ response: HTTPResponse, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let error = object(response, sourceLocation: sourceLocation)["error"] as? [String: Any]
        #expect(error?["message"] is String, "error without a message: \(response.bodyText)", sourceLocation: sourceLocation)
        #expect(error?.keys.contains("field") == true, "error without a field key: \(response.bodyText)", sourceLocation: sourceLocation)
        #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
        return error?["code"] as? String
    }
}
