import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import HTTP
import Server
import Casework
import Storage
import Domain
import CaseworkSupport

/// Open311 GeoReport v2 under /open311/v2 through the router: discovery, services, definitions,
/// submissions with API keys, the two views of a request (the public one shows nothing personal,
/// even of a tố cáo), visibility by the key's account, errors in GeoReport's shape, XML.
@Suite("Open311 GeoReport v2")
struct Open311Tests {
    static let admin = Principal(login: "admin", role: .admin)

    /// The API harness with accounts and their API keys: a member of the fixture's ward committee
    /// (mttq-bay-hien), one of an unrelated ward (mttq-hanh-thong) and a supervisor.
    struct World {
        let harness: APIHarness
        let memberKey: String
        let strangerKey: String
        let supervisorKey: String

        init(publicLookups: RateLimiter = RateLimiter(limit: 1000, window: 60)) throws {
            harness = try APIHarness(publicLookups: publicLookups)
            try harness.fixture.database.write { connection in
                for (login, role, unit) in [("ung-dung.bay-hien", Role.member, "mttq-bay-hien"),
                                            ("ung-dung.hanh-thong", .member, "mttq-hanh-thong"), ("ung-dung.giam-sat", .supervisor, nil)] {
                    try AccountStore.insert(User(login: login, name: nil, role: role, unit: unit, passwordHash: "x",
                                                 mustChangePassword: false, createdAt: Date()), in: connection)
                }
            }
            let casework = harness.fixture.casework
            memberKey = try casework.createAPIKey(for: "ung-dung.bay-hien", as: Open311Tests.admin, at: Date())
            strangerKey = try casework.createAPIKey(for: "ung-dung.hanh-thong", as: Open311Tests.admin, at: Date())
            supervisorKey = try casework.createAPIKey(for: "ung-dung.giam-sat", as: Open311Tests.admin, at: Date())
        }

        func get(_ target: String) async throws -> HTTPResponse {
            try await send(.get, target)
        }

        func send(_ method: HTTPMethod, _ target: String, body: String = "", contentType: String? = nil) async throws -> HTTPResponse {
            var headers: HTTPHeaders = ["Host": "danvan.test"]
            if let contentType { headers.add("Content-Type", contentType) }
            var request = try HTTPRequest(method: method, target: "/open311/v2/" + target, headers: headers, body: Array(body.utf8))
            request.remoteAddress = "192.0.2.9"
            return await harness.api.respond(to: request)
        }

        /// POST requests.FORMAT with these parameters, form-encoded (UTF-8, percent-encoded).
        func submit(_ parameters: [(String, String)], format: String = "json") async throws -> HTTPResponse {
            try await send(.post, "requests." + format, body: Open311Tests.form(parameters),
                           contentType: "application/x-www-form-urlencoded; charset=utf-8")
        }
    }

    static func form(_ parameters: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return parameters.map { name, value in
            name.addingPercentEncoding(withAllowedCharacters: allowed)! + "=" + value.addingPercentEncoding(withAllowedCharacters: allowed)!
        }.joined(separator: "&")
    }

    static func json(_ response: HTTPResponse, sourceLocation: SourceLocation = #_sourceLocation) -> Any? {
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8", sourceLocation: sourceLocation)
        return try? JSONSerialization.jsonObject(with: Data(response.body))
    }

    static func array(_ response: HTTPResponse, sourceLocation: SourceLocation = #_sourceLocation) -> [[String: Any]] {
        guard let array = json(response, sourceLocation: sourceLocation) as? [[String: Any]] else {
            Issue.record("not a JSON array of objects: \(response.bodyText)", sourceLocation: sourceLocation)
            return []
        }
        return array
    }

    /// The error's status and description, checking GeoReport's error shape in JSON.
    static func error(_ response: HTTPResponse, sourceLocation: SourceLocation = #_sourceLocation) -> (Int, String)? {
        let errors = array(response, sourceLocation: sourceLocation)
        #expect(errors.count == 1, sourceLocation: sourceLocation)
        guard let code = errors.first?["code"] as? Int, let description = errors.first?["description"] as? String else { return nil }
        #expect(code == response.status.code, sourceLocation: sourceLocation)
        return (code, description)
    }

    static func code(_ response: HTTPResponse) throws -> TrackingCode {
        let id = try #require(array(response).first?["service_request_id"] as? String)
        return try #require(TrackingCode(parsing: id))
    }

    @Test("discovery names the GeoReport v2 endpoint, in JSON and XML")
    func discovery() async throws {
        let world = try World()
        let json = try #require(Open311Tests.json(try await world.get("discovery.json")) as? [String: Any])
        #expect(json["changeset"] is String && json["contact"] is String && json["key_service"] is String)
        let endpoint = try #require((json["endpoints"] as? [[String: Any]])?.first)
        #expect(endpoint["specification"] as? String == "http://wiki.open311.org/GeoReport_v2")
        #expect(endpoint["url"] as? String == "http://danvan.test/open311/v2")
        #expect(endpoint["type"] as? String == "production")
        #expect(endpoint["formats"] as? [String] == ["application/json", "text/xml"])
        let response = try await world.get("discovery.xml")
        #expect(response.headers["Content-Type"] == "text/xml; charset=utf-8")
        #expect(response.bodyText.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?>"#))
        let xml = try XMLTree(response)
        #expect(xml.root.name == "discovery")
        #expect(xml.root.all("format").map(\.text) == ["application/json", "text/xml"])
        #expect(xml.root.first("specification")?.text == "http://wiki.open311.org/GeoReport_v2")
    }

    @Test("services: one per topic of the rules, the same in JSON and XML")
    func services() async throws {
        let world = try World()
        let topics = AuthorizationFixture.book.topics
        let services = Open311Tests.array(try await world.get("services.json"))
        #expect(services.count == topics.count)
        #expect(Set(services.compactMap { $0["service_code"] as? String }) == Set(topics.keys))
        let land = try #require(services.first { $0["service_code"] as? String == "dat-dai" })
        #expect(land["service_name"] as? String == "Đất đai" && land["metadata"] as? Bool == true && land["type"] as? String == "realtime")
        #expect((land["keywords"] as? String)?.contains("sổ đỏ") == true && land["group"] is String && land["description"] is String)
        #expect(services.last?["service_code"] as? String == "khac")
        let xml = try XMLTree(try await world.get("services.xml"))
        #expect(xml.root.name == "services" && xml.root.children.allSatisfy { $0.name == "service" })
        #expect(xml.root.children.map { $0.first("service_code")?.text } == services.map { $0["service_code"] as? String })
        #expect(xml.root.children.first { $0.first("service_code")?.text == "dat-dai" }?.first("service_name")?.text == "Đất đai")
    }

    @Test("a service's definition has the kind as a single-value list; an unknown service is a 404 in GeoReport's shape")
    func definition() async throws {
        let world = try World()
        let definition = try #require(Open311Tests.json(try await world.get("services/dat-dai.json")) as? [String: Any])
        #expect(definition["service_code"] as? String == "dat-dai")
        let attribute = try #require((definition["attributes"] as? [[String: Any]])?.first)
        #expect(attribute["code"] as? String == "kind" && attribute["datatype"] as? String == "singlevaluelist")
        #expect(attribute["required"] as? Bool == false && attribute["variable"] as? Bool == true && attribute["order"] as? Int == 1)
        let values = try #require(attribute["values"] as? [[String: Any]])
        #expect(values.compactMap { $0["key"] as? String } == ["phan-anh", "kien-nghi", "khieu-nai", "to-cao", "y-kien"])
        #expect(values.compactMap { $0["name"] as? String } == ["Phản ánh", "Kiến nghị", "Khiếu nại", "Tố cáo", "Ý kiến"])
        let xml = try XMLTree(try await world.get("services/dat-dai.xml"))
        #expect(xml.root.name == "service_definition" && xml.root.all("key").count == 5)
        #expect(xml.root.first("attribute")?.first("required")?.text == "false")

        let unknown = try await world.get("services/khong-co.json")
        #expect(unknown.status == .notFound && Open311Tests.error(unknown)?.1.contains("khong-co") == true)
        let unknownXML = try await world.get("services/khong-co.xml")
        let errors = try XMLTree(unknownXML)
        #expect(unknownXML.status == .notFound && errors.root.name == "errors" && errors.root.first("error")?.first("code")?.text == "404")
        #expect(try await world.get("services/dat-dai.csv").status == .notFound)
        #expect(Open311Tests.error(try await world.get("services.csv"))?.0 == 404)
        let method = try await world.send(.delete, "requests.json")
        #expect(method.status == .methodNotAllowed && method.headers["Allow"] == "GET, HEAD, POST" && Open311Tests.error(method)?.0 == 405)
    }

    @Test("a form-encoded POST with a key registers a petition through Casework: channel open311, the service's topic, the kind")
    func submit() async throws {
        let world = try World()
        let response = try await world.submit([
            ("api_key", world.memberKey), ("service_code", "giao-thong"),
            ("description", "Đèn đường hẻm 45 Cách Mạng Tháng Tám phường Bảy Hiền hỏng đã hai tuần, ban đêm rất tối"),
            ("attribute[kind]", "kien-nghi"), ("first_name", "Văn Nam"), ("last_name", "Lê"), ("phone", "0987 654 321"),
            ("email", "nam@example.vn"), ("address_string", "Hẻm 45 Cách Mạng Tháng Tám, phường Bảy Hiền"),
            ("lat", "10.7925"), ("long", "106.6531"), ("media_url", "http://example.vn/anh.jpg"),
        ])
        #expect(response.status == .ok, "\(response.bodyText)")
        let receipt = try #require(Open311Tests.array(response).first)
        #expect(Set(receipt.keys) == ["service_request_id", "service_notice", "account_id"] && receipt["account_id"] is NSNull)
        #expect((receipt["service_notice"] as? String)?.contains("Đã tiếp nhận") == true)
        let code = try Open311Tests.code(response)
        let (grievance, events) = try world.harness.fixture.casework.show(code, as: Open311Tests.admin, at: Date())
        #expect(grievance.channel == .open311 && grievance.topic == "giao-thong" && grievance.kind == .kienNghi)
        #expect(grievance.text.hasPrefix("Đèn đường hẻm 45 Cách Mạng Tháng Tám phường Bảy Hiền hỏng đã hai tuần"))
        #expect(grievance.text.hasSuffix("Địa điểm: Hẻm 45 Cách Mạng Tháng Tám, phường Bảy Hiền; tọa độ: 10.7925, 106.6531"))
        #expect(grievance.submitter.name == "Lê Văn Nam" && grievance.submitter.phone == "0987 654 321")
        #expect(grievance.submitter.email == "nam@example.vn" && grievance.submitter.address == nil)
        #expect(grievance.office == "mttq-bay-hien" && events.first?.details["channel"] == "open311")

        // JSON bodies are taken too; without attribute[kind] it is a phản ánh; XML answers in XML.
        let json = try await world.send(.post, "requests.xml", body: #"{"api_key":"\#(world.memberKey)","service_code":"moi-truong","description":"Rác thải bốc mùi ở chợ","lat":10.8,"long":106.6}"#,
                                        contentType: "application/json")
        let xml = try XMLTree(json)
        #expect(json.status == .ok && xml.root.name == "service_requests" && xml.root.first("request")?.first("account_id")?.text == "")
        let second = try #require(TrackingCode(parsing: xml.root.first("service_request_id")?.text ?? ""))
        let stored = try world.harness.fixture.casework.show(second, as: Open311Tests.admin, at: Date()).0
        #expect(stored.kind == .phanAnh && stored.topic == "moi-truong" && stored.text.hasSuffix("Tọa độ: 10.8, 106.6"))

        for (parameters, status) in [([("service_code", "khong-co"), ("description", "x")], 404), ([("description", "x")], 400),
                                     ([("service_code", "dat-dai")], 400),
                                     ([("service_code", "dat-dai"), ("description", "x"), ("attribute[kind]", "khac")], 400),
                                     ([("service_code", "dat-dai"), ("description", "x"), ("lat", "10.8")], 400),
                                     ([("service_code", "dat-dai"), ("description", "Tố cáo cán bộ"), ("attribute[kind]", "to-cao")], 400)] {
            let refused = try await world.submit([("api_key", world.memberKey)] + parameters)
            #expect(refused.status.code == status && Open311Tests.error(refused) != nil, "\(parameters): \(refused.bodyText)")
        }
        let twice = try await world.submit([("api_key", world.memberKey), ("service_code", "dat-dai"), ("service_code", "y-te"),
                                            ("description", "x")])
        #expect(twice.status == .badRequest)
    }

    @Test("a POST without a key, with a wrong or revoked key, or with a disabled account's key is a 403 in GeoReport's shape")
    func keys() async throws {
        let world = try World()
        let casework = world.harness.fixture.casework
        let petition = [("service_code", "giao-thong"), ("description", "Ổ gà trên đường Cộng Hòa")]
        for parameters in [petition, [("api_key", "khong-phai-khoa")] + petition] {
            let refused = try await world.submit(parameters)
            #expect(refused.status == .forbidden && Open311Tests.error(refused)?.1.contains("api_key") == true)
        }
        let xml = try await world.submit(petition, format: "xml")
        let errors = try XMLTree(xml)
        #expect(xml.status == .forbidden && errors.root.name == "errors" && errors.root.first("code")?.text == "403")
        #expect(errors.root.first("description")?.text.contains("api_key") == true)

        #expect(try await world.submit([("api_key", world.memberKey)] + petition).status == .ok)
        #expect(try casework.revokeAPIKeys(of: "ung-dung.bay-hien", as: Open311Tests.admin, at: Date()) == 1)
        #expect(try await world.submit([("api_key", world.memberKey)] + petition).status == .forbidden)
        #expect(try await world.get("requests.json?api_key=\(world.memberKey)").status == .forbidden)

        #expect(try await world.submit([("api_key", world.strangerKey)] + petition).status == .ok)
        try casework.disableUser("ung-dung.hanh-thong", as: Open311Tests.admin, at: Date())
        #expect(try await world.submit([("api_key", world.strangerKey)] + petition).status == .forbidden)
        #expect(throws: CaseworkError.badAPIKey) { try casework.principal(apiKey: world.strangerKey) }
        // Only admins make keys; the audit log records it.
        #expect(throws: CaseworkError.self) {
            try casework.createAPIKey(for: "granted", as: Principal(login: "member", role: .member, unit: "mttq-bay-hien"), at: Date())
        }
        let audit = try casework.audit(login: "admin", trackingCode: nil, limit: 10, as: Open311Tests.admin).map(\.action)
        #expect(audit.contains("api-key-add") && audit.contains("api-key-revoke"))
    }

    @Test("without a key a request named by its code shows no description, name, phone or unit, even a tố cáo sent through Open311")
    func publicView() async throws {
        let world = try World()
        let denouncer = ("Nguyễn Văn Tố", "0912 345 678")
        let response = try await world.submit([
            ("api_key", world.memberKey), ("service_code", "can-bo-tham-nhung"), ("attribute[kind]", "to-cao"),
            ("description", "Tố cáo cán bộ địa chính phường Bảy Hiền nhận tiền của người dân khi làm sổ đỏ"),
            ("first_name", "Văn Tố"), ("last_name", "Nguyễn"), ("phone", denouncer.1), ("email", "to@example.vn"),
            ("address_string", "12 Lạc Long Quân, phường Bảy Hiền"),
        ])
        #expect(response.status == .ok, "\(response.bodyText)")
        #expect((Open311Tests.array(response).first?["service_notice"] as? String)?.contains("bí mật") == true)
        let code = try Open311Tests.code(response)
        let stored = try world.harness.fixture.casework.show(code, as: Open311Tests.admin, at: Date()).0
        #expect(stored.kind == .toCao && stored.channel == .open311 && stored.submitter.confidential)

        let fields: Set<String> = ["service_request_id", "status", "service_code", "service_name", "requested_datetime",
                                   "updated_datetime", "expected_datetime"]
        for target in ["requests/\(code.value).json", "requests.json?service_request_id=\(code.value)"] {
            let shown = try await world.get(target)
            #expect(shown.status == .ok, "\(target): \(shown.bodyText)")
            let request = try #require(Open311Tests.array(shown).first)
            #expect(Set(request.keys) == fields, "\(target)")
            #expect(request["service_code"] as? String == "can-bo-tham-nhung" && request["status"] as? String == "open")
            #expect((request["requested_datetime"] as? String)?.hasSuffix("+07:00") == true)
            for secret in [denouncer.0, denouncer.1, "Văn Tố", "nhận tiền", "Lạc Long Quân", "to@example.vn", "Tố cáo cán bộ"] {
                #expect(!shown.bodyText.contains(secret), "\(target) shows \(secret)")
            }
            if let lead = stored.leadUnit { #expect(!shown.bodyText.contains(lead)) }
        }
        let xml = try await world.get("requests/\(code.value).xml")
        let tree = try XMLTree(xml)
        #expect(Set(try #require(tree.root.first("request")).children.map(\.name)) == fields)
        #expect(!xml.bodyText.contains(denouncer.0) && !xml.bodyText.contains("nhận tiền"))
        // The staff's view, with a key, has the description as Casework shows it: the denouncer redacted.
        let staff = try #require(Open311Tests.array(try await world.get("requests/\(code.value).json?api_key=\(world.supervisorKey)")).first)
        let description = try #require(staff["description"] as? String)
        #expect(description.contains("nhận tiền") && !description.contains(denouncer.0))
        #expect(staff["agency_responsible"] is String)

        // Without a key there is no list, and unknown codes are absent or 404.
        let list = try await world.get("requests.json")
        #expect(list.status == .forbidden && Open311Tests.error(list) != nil)
        #expect(try await world.get("requests/ZZZZZ-ZZZZZ.json").status == .notFound)
        #expect(try await world.get("requests/khong-phai-ma.json").status == .notFound)
        #expect(Open311Tests.array(try await world.get("requests.json?service_request_id=ZZZZZ-ZZZZZ,\(code.value),x")).count == 1)
    }

    @Test("public lookups are limited per address, each code counted")
    func lookupLimit() async throws {
        let world = try World(publicLookups: RateLimiter(limit: 3, window: 3600))
        let code = world.harness.fixture.codes[0].value
        #expect(Open311Tests.array(try await world.get("requests.json?service_request_id=\(code),\(code)")).count == 2)
        #expect(try await world.get("requests/\(code).json").status == .ok)
        let limited = try await world.get("requests/\(code).json")
        #expect(limited.status == .tooManyRequests && limited.headers["Retry-After"] != nil && Open311Tests.error(limited) != nil)
    }

    @Test("with a key, what the key's account may see: another unit's grievance is absent, as an unknown code")
    func visibility() async throws {
        let world = try World()
        let fixture = world.harness.fixture
        let own = fixture.codes[AuthorizationFixture.Target.own.rawValue].value
        let unrelated = fixture.codes[AuthorizationFixture.Target.unrelated.rawValue].value

        let mine = try #require(Open311Tests.array(try await world.get("requests/\(own).json?api_key=\(world.memberKey)")).first)
        #expect(mine["description"] as? String == "Đèn đường hỏng đã lâu")
        #expect(mine["agency_responsible"] as? String == AuthorizationFixture.book.directory["mttq-bay-hien"]?.name)
        let hidden = try await world.get("requests/\(unrelated).json?api_key=\(world.memberKey)")
        let unknown = try await world.get("requests/ZZZZZ-ZZZZZ.json?api_key=\(world.memberKey)")
        #expect(hidden.status == .notFound && hidden.body == unknown.body)
        let named = Open311Tests.array(try await world.get("requests.json?api_key=\(world.memberKey)&service_request_id=\(own),\(unrelated)"))
        #expect(named.compactMap { $0["service_request_id"] as? String } == [own])
        let listed = Open311Tests.array(try await world.get("requests.json?api_key=\(world.memberKey)"))
        let listedCodes = Set(listed.compactMap { $0["service_request_id"] as? String })
        #expect(listedCodes.contains(own) && !listedCodes.contains(unrelated))
        let theirs = Set(Open311Tests.array(try await world.get("requests.json?api_key=\(world.strangerKey)"))
            .compactMap { $0["service_request_id"] as? String })
        #expect(theirs == [unrelated])
        // The tố cáo's denouncer stays redacted for a unit that sees it.
        let toCao = fixture.codes[AuthorizationFixture.Target.toCao.rawValue].value
        let denunciation = try await world.get("requests/\(toCao).json?api_key=\(world.memberKey)")
        #expect(denunciation.status == .ok && !denunciation.bodyText.contains(AuthorizationFixture.denouncer))
        // A wrong key is refused, not treated as none.
        #expect(try await world.get("requests/\(own).json?api_key=sai").status == .forbidden)
    }

    @Test("statuses: resolved, closed, rejected and merged are closed, the rest open; the list filters by status, service and dates")
    func statuses() async throws {
        let world = try World()
        let fixture = world.harness.fixture
        let casework = fixture.casework
        let codes = fixture.codes
        _ = try casework.transition(codes[0], TransitionRequest(to: .rejected, reason: "không thuộc thẩm quyền"), as: Open311Tests.admin, at: Date())
        _ = try casework.transition(codes[1], TransitionRequest(to: .merged, mergedInto: codes[2]), as: Open311Tests.admin, at: Date())
        let key = world.supervisorKey
        func statuses(_ query: String) async throws -> [String: String] {
            var result: [String: String] = [:]
            for request in Open311Tests.array(try await world.get("requests.json?api_key=\(key)" + query)) {
                result[request["service_request_id"] as! String] = request["status"] as? String
            }
            return result
        }
        let all = try await statuses("")
        #expect(all == [codes[0].value: "closed", codes[1].value: "closed", codes[2].value: "open", codes[3].value: "open"])
        #expect(try await statuses("&status=closed") == [codes[0].value: "closed", codes[1].value: "closed"])
        #expect(try await statuses("&status=open").count == 2)
        #expect(try await statuses("&status=open,closed").count == 4)
        #expect(try await world.get("requests.json?api_key=\(key)&status=dong").status == .badRequest)
        #expect(try await statuses("&start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z").isEmpty)
        let yesterday = Date().addingTimeInterval(-2 * 86_400)
        let since = ISO8601DateFormatter().string(from: yesterday)
        #expect(try await statuses("&start_date=\(since)").count == 4)
        #expect(try await world.get("requests.json?api_key=\(key)&start_date=2020-01-01T00:00:00Z&end_date=2020-06-01T00:00:00Z").status == .badRequest)
        #expect(try await world.get("requests.json?api_key=\(key)&end_date=khong").status == .badRequest)
        // A supervisor reads but cannot register: a POST with the key is refused as GeoReport refuses a key.
        let refused = try await world.submit([("api_key", key), ("service_code", "giao-thong"), ("description", "Ổ gà")])
        #expect(refused.status == .forbidden && Open311Tests.error(refused) != nil)
        // The public view maps the same way.
        let rejected = try #require(Open311Tests.array(try await world.get("requests/\(codes[0].value).json")).first)
        #expect(rejected["status"] as? String == "closed")
        // Service filter: none of the fixture's grievances has a topic.
        #expect(try await statuses("&service_code=dat-dai").isEmpty)
    }

    @Test("XML escapes & < > \" ' and drops characters XML 1.0 forbids; JSON carries them as written")
    func xmlEscaping() async throws {
        let world = try World()
        let text = "Cống <số 3> & \"rãnh\" 'ngõ' bị tắc\u{FFFF}\u{1}, nước tràn"
        let response = try await world.submit([("api_key", world.memberKey), ("service_code", "giao-thong"), ("description", text)])
        let code = try Open311Tests.code(response)
        let xml = try await world.get("requests/\(code.value).xml?api_key=\(world.supervisorKey)")
        #expect(xml.bodyText.contains("Cống &lt;số 3&gt; &amp; &quot;rãnh&quot; &apos;ngõ&apos; bị tắc"), "\(xml.bodyText)")
        let tree = try XMLTree(xml)
        let description = try #require(tree.root.first("description")?.text)
        #expect(description.hasPrefix("Cống <số 3> & \"rãnh\" 'ngõ' bị tắc"))
        #expect(!xml.bodyText.contains("\u{FFFF}") && !description.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let json = try #require(Open311Tests.array(try await world.get("requests/\(code.value).json?api_key=\(world.supervisorKey)")).first)
        #expect((json["description"] as? String)?.hasPrefix("Cống <số 3> & \"rãnh\" 'ngõ' bị tắc\u{FFFF}") == true)
    }

    @Test("Open311 is not in the OpenAPI document")
    func notInOpenAPI() async throws {
        let world = try World()
        let document = try await world.harness.call(.get, "/api/v1/openapi.json")
        #expect(!document.bodyText.contains("open311"))
    }
}

/// An XML document read with Foundation's parser into elements with their text.
final class XMLTree: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        var text = ""
        var children: [Element] = []
        init(name: String) { self.name = name }

        func first(_ name: String) -> Element? {
            for child in children {
                if child.name == name { return child }
                if let found = child.first(name) { return found }
            }
            return nil
        }

        func all(_ name: String) -> [Element] {
            children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
        }
    }

    private(set) var root = Element(name: "")
    private var stack: [Element] = []

    init(_ response: HTTPResponse, sourceLocation: SourceLocation = #_sourceLocation) throws {
        super.init()
        #expect(response.headers["Content-Type"] == "text/xml; charset=utf-8", sourceLocation: sourceLocation)
        let parser = XMLParser(data: Data(response.body))
        parser.delegate = self
        guard parser.parse() else {
            throw XMLTreeError(message: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?"): \(response.bodyText)")
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let element = Element(name: name)
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}

struct XMLTreeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
