import Foundation
import Testing
import HTTP
import Server
import Casework
import Domain
import CaseworkSupport

/// The API's contract: the OpenAPI document against the routes, the one error shape, sessions,
/// paging and the public operations.
@Suite("API contract")
struct APIContractTests {
    @Test("the OpenAPI document describes exactly the routes served, each with its path parameters and an operationId")
    func openAPIMatchesRoutes() async throws {
        let harness = try APIHarness()
        let response = try await harness.call(.get, "/api/v1/openapi.json")
        #expect(response.status == .ok)
        let document = APIHarness.object(response)
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        var ids: [String] = []
        for (path, methods) in paths {
            for (method, value) in methods {
                documented.insert(method.uppercased() + " " + path)
                let operation = try #require(value as? [String: Any])
                ids.append(try #require(operation["operationId"] as? String))
                let parameters = (operation["parameters"] as? [[String: Any]] ?? []).filter { $0["in"] as? String == "path" }
                let inPath = path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
                #expect(Set(parameters.compactMap { $0["name"] as? String }) == Set(inPath), "\(method) \(path)")
                let responses = try #require(operation["responses"] as? [String: Any])
                #expect(responses["4XX"] != nil && responses["5XX"] != nil, "\(method) \(path) without its error responses")
            }
        }
        // The document covers /api/v1 and /healthz; the same router also serves Open311 under /open311/v2.
        let served = Set(harness.api.router.routeList.filter { $0.pattern.hasPrefix("/api/v1/") || $0.pattern == "/healthz" }
            .map { $0.method.rawValue + " " + $0.pattern })
        #expect(harness.api.router.routeList.allSatisfy {
            $0.pattern.hasPrefix("/api/v1/") || $0.pattern == "/healthz" || $0.pattern.hasPrefix("/open311/v2/")
        }, "a route neither in the document nor under /open311/v2")
        #expect(served.subtracting(documented).isEmpty, "served, not documented: \(served.subtracting(documented))")
        #expect(documented.subtracting(served).isEmpty, "documented, not served: \(documented.subtracting(served))")
        #expect(Set(ids).count == ids.count, "operationIds repeat")
        // Every schema a response or body names exists.
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let text = response.bodyText
        for match in text.split(separator: "\"").filter({ $0.hasPrefix("#/components/schemas/") }) {
            #expect(schemas[String(match.dropFirst("#/components/schemas/".count))] != nil, "\(match)")
        }
    }

    @Test("errors have one shape and a Vietnamese message: unknown path, method, token, body, field")
    func errors() async throws {
        let harness = try APIHarness()
        let unknown = try await harness.call(.get, "/api/v1/khong-co")
        #expect(unknown.status == .notFound && APIHarness.errorCode(unknown) == "not_found")
        let method = try await harness.call(.delete, "/api/v1/grievances", as: "admin")
        #expect(method.status == .methodNotAllowed && method.headers["Allow"] != nil && APIHarness.errorCode(method) != nil)
        let anonymous = try await harness.call(.get, "/api/v1/grievances")
        #expect(anonymous.status == .unauthorized && APIHarness.errorCode(anonymous) == "unauthorized")
        let forged = try await harness.call(.get, "/api/v1/grievances", token: "not-a-token")
        #expect(forged.status == .unauthorized)
        let notJSON = try await harness.call(.post, "/api/v1/grievances", as: "registrar", json: "{kind: phan-anh")
        #expect(notJSON.status == .badRequest && (APIHarness.object(notJSON)["error"] as? [String: Any])?["field"] as? String == "body")
        let badKind = try await harness.call(.post, "/api/v1/grievances", as: "registrar", json: #"{"kind":"khac","text":"x"}"#)
        let error = APIHarness.object(badKind)["error"] as? [String: Any]
        #expect(badKind.status == .badRequest && error?["field"] as? String == "kind")
        #expect((error?["message"] as? String)?.contains("loại đơn") == true)
        let twice = try await harness.call(.post, "/api/v1/grievances", as: "registrar", json: #"{"kind":"phan-anh","kind":"to-cao","text":"x"}"#)
        #expect(twice.status == .badRequest)
        let illegal = try await harness.call(.post, "/api/v1/grievances/\(harness.fixture.codes[0].value)/transitions", as: "admin",
                                             json: #"{"to":"closed"}"#)
        #expect(illegal.status == .conflict && APIHarness.errorCode(illegal) == "illegal_transition")
        let unused = try await harness.call(.post, "/api/v1/grievances/\(harness.fixture.codes[0].value)/transitions", as: "admin",
                                            json: #"{"to":"accepted","unit":"mttq-bay-hien"}"#)
        #expect(unused.status == .badRequest && (APIHarness.object(unused)["error"] as? [String: Any])?["field"] as? String == "unit")
    }

    @Test("a login gives a token; a one-time password allows only changing it; a wrong one is refused, then throttled")
    func sessions() async throws {
        let harness = try APIHarness()
        let admin = Principal(login: "admin", role: .admin)
        _ = try harness.fixture.casework.addUser(login: "can.bo", role: .member, unit: "mttq-bay-hien", name: nil, password: "mat-khau-rat-dai",
                                                 as: admin, at: Date())
        let login = try await harness.call(.post, "/api/v1/session", json: #"{"login":"can.bo","password":"mat-khau-rat-dai"}"#)
        #expect(login.status == .ok)
        let token = try #require(APIHarness.object(login)["token"] as? String)
        #expect((APIHarness.object(login)["user"] as? [String: Any])?["unit"] as? String == "mttq-bay-hien")
        #expect(try await harness.call(.get, "/api/v1/grievances", token: token).status == .ok)
        #expect(try await harness.call(.delete, "/api/v1/session", token: token).status == .noContent)
        #expect(try await harness.call(.get, "/api/v1/grievances", token: token).status == .unauthorized)

        let (_, oneTime) = try harness.fixture.casework.addUser(login: "moi", role: .supervisor, unit: nil, name: nil, password: nil,
                                                                 as: admin, at: Date())
        let first = try await harness.call(.post, "/api/v1/session", json: #"{"login":"moi","password":"\#(oneTime!)"}"#)
        #expect(APIHarness.object(first)["must_change_password"] as? Bool == true)
        let firstToken = try #require(APIHarness.object(first)["token"] as? String)
        let blocked = try await harness.call(.get, "/api/v1/grievances", token: firstToken)
        #expect(blocked.status == .forbidden && APIHarness.errorCode(blocked) == "must_change_password")
        let changed = try await harness.call(.post, "/api/v1/session/password", token: firstToken,
                                             json: #"{"current":"\#(oneTime!)","new":"mot-mat-khau-moi"}"#)
        #expect(changed.status == .noContent)
        #expect(try await harness.call(.get, "/api/v1/grievances", token: firstToken).status == .ok)

        for _ in 0..<Casework.loginAttempts {
            let wrong = try await harness.call(.post, "/api/v1/session", json: #"{"login":"can.bo","password":"sai-mat-khau"}"#)
            #expect(wrong.status == .unauthorized && APIHarness.errorCode(wrong) == "login_failed")
        }
        let throttled = try await harness.call(.post, "/api/v1/session", json: #"{"login":"can.bo","password":"mat-khau-rat-dai"}"#)
        #expect(throttled.status == .tooManyRequests && throttled.headers["Retry-After"] != nil)
    }

    @Test("a disabled account's sessions end at once")
    func disabledSessions() async throws {
        let harness = try APIHarness()
        _ = try harness.fixture.casework.addUser(login: "tam", role: .supervisor, unit: nil, name: nil, password: "mat-khau-rat-dai",
                                                 as: Principal(login: "admin", role: .admin), at: Date())
        let login = try await harness.call(.post, "/api/v1/session", json: #"{"login":"tam","password":"mat-khau-rat-dai"}"#)
        let token = try #require(APIHarness.object(login)["token"] as? String)
        #expect(try await harness.call(.post, "/api/v1/users/tam/disable", as: "supervisor").status == .forbidden)
        #expect(try await harness.call(.post, "/api/v1/users/tam/disable", as: "admin").status == .noContent)
        #expect(try await harness.call(.get, "/api/v1/grievances", token: token).status == .unauthorized)
    }

    @Test("the list pages with a cursor: every grievance once, newest first, and a bad cursor is refused")
    func paging() async throws {
        let harness = try APIHarness()
        for index in 0..<5 {
            let response = try await harness.call(.post, "/api/v1/grievances", as: "admin",
                                                  json: #"{"kind":"kien-nghi","text":"Đề nghị lắp đèn đường hẻm \#(index) phường Bảy Hiền"}"#)
            #expect(response.status == .created)
        }
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let target = "/api/v1/grievances?limit=2" + (cursor.map { "&cursor=" + $0 } ?? "")
            let page = APIHarness.object(try await harness.call(.get, target, as: "admin"))
            let items = page["items"] as? [[String: Any]] ?? []
            #expect(items.count <= 2)
            seen += items.compactMap { $0["tracking_code"] as? String }
            cursor = page["next"] as? String
            pages += 1
        } while cursor != nil && pages < 10
        #expect(seen.count == 9 && Set(seen).count == 9, "\(seen)")
        let bad = try await harness.call(.get, "/api/v1/grievances?cursor=khong-phai", as: "admin")
        #expect(bad.status == .badRequest)
        let limit = try await harness.call(.get, "/api/v1/grievances?limit=0", as: "admin")
        #expect(limit.status == .badRequest)
    }

    @Test("citizens: the public form gives a code, the status shows no personal data, both are limited per address")
    func publicOperations() async throws {
        let harness = try APIHarness(publicSubmissions: RateLimiter(limit: 2, window: 3600), publicLookups: RateLimiter(limit: 3, window: 3600))
        let sent = try await harness.call(.post, "/api/v1/public/grievances",
                                          json: #"{"kind":"phan-anh","text":"Hẻm 45 Cách Mạng Tháng Tám phường Bảy Hiền ngập nước mỗi khi mưa","name":"Lê Văn Nam","phone":"0987654321"}"#)
        #expect(sent.status == .created)
        let code = try #require(APIHarness.object(sent)["tracking_code"] as? String)
        let status = try await harness.call(.get, "/api/v1/public/status/\(code)")
        #expect(status.status == .ok)
        #expect(Set(APIHarness.object(status).keys) == ["tracking_code", "status", "status_name", "received", "due_resolve", "answer"])
        #expect(!status.bodyText.contains("Lê Văn Nam") && !status.bodyText.contains("0987654321"))
        // Only what a citizen can say: staff fields are not taken from the public form.
        let staffOnly = try await harness.call(.post, "/api/v1/public/grievances",
                                               json: #"{"kind":"phan-anh","text":"Đèn đường hỏng","topic":"dat-dai","received":"01/01/2020"}"#)
        #expect(staffOnly.status == .created)
        let third = try await harness.call(.post, "/api/v1/public/grievances", json: #"{"kind":"phan-anh","text":"Đèn đường hỏng"}"#)
        #expect(third.status == .tooManyRequests && third.headers["Retry-After"] != nil && APIHarness.errorCode(third) == "rate_limited")
        let elsewhere = try await harness.call(.post, "/api/v1/public/grievances", json: #"{"kind":"phan-anh","text":"Đèn đường hỏng"}"#,
                                               address: "198.51.100.9")
        #expect(elsewhere.status == .created)
        #expect(try await harness.call(.get, "/api/v1/public/status/ZZZZZ-ZZZZZ").status == .notFound)
        #expect(try await harness.call(.get, "/api/v1/public/status/\(code)").status == .ok)
        #expect(try await harness.call(.get, "/api/v1/public/status/\(code)").status == .tooManyRequests)
    }

    @Test("views through the API reach the audit log in batches, all of them once the buffer is closed")
    func auditedViews() async throws {
        let harness = try APIHarness()
        let code = harness.fixture.codes[0]
        for _ in 0..<25 { #expect(try await harness.call(.get, "/api/v1/grievances/\(code.value)", as: "member").status == .ok) }
        try harness.fixture.casework.viewAudit?.close()
        let views = try harness.fixture.casework.audit(login: "member", trackingCode: code, limit: 100,
                                                       as: Principal(login: "admin", role: .admin))
        #expect(views.filter { $0.action == "view" }.count == 25)
    }
}
