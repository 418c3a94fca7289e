import Foundation
import Testing
import HTTP
import Server
import Domain
import CaseworkSupport

/// Uploading a sheet through the API: the desk's and admins' work, followed by its uploader.
@Suite("API imports")
struct APIImportTests {
    static let sheet = """
        Họ tên,Địa chỉ,Nội dung
        Nguyễn Văn Bình,"12 Lê Văn Sỹ, phường Bảy Hiền",Đèn đường hẻm 12 hỏng ba tuần nay
        Trần Thị Hoa,"45 Cách Mạng Tháng Tám, phường Bảy Hiền",Rác ùn ứ đầu hẻm 45 không ai thu gom
        Lê Văn Tâm,"7 Hoàng Văn Thụ, phường Bảy Hiền",Cống thoát nước bị vỡ gây ngập khi mưa

        """

    func upload(_ harness: APIHarness, as role: String, body: String = sheet, name: String = "danh-sach.csv") async throws -> HTTPResponse {
        var headers: HTTPHeaders = ["Host": "danvan.test", "Authorization": "Bearer " + harness.tokens[role]!]
        headers.add("Content-Type", "text/csv")
        let request = try HTTPRequest(method: .post, target: "/api/v1/imports?name=\(name)", headers: headers, body: Array(body.utf8))
        return await harness.api.respond(to: request)
    }

    @Test("a registrar uploads a sheet: 202 at once, then the job reports its rows stored under their office")
    func uploadAndFollow() async throws {
        let harness = try APIHarness()
        let started = try await upload(harness, as: "registrar")
        #expect(started.status == .accepted)
        let location = try #require(started.headers["Location"])
        var job: [String: Any] = [:]
        for _ in 0..<200 {
            job = APIHarness.object(try await harness.call(.get, location, as: "registrar"))
            if job["status"] as? String != "running" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(job["status"] as? String == "done", "\(job)")
        #expect((job["summary"] as? [String: Any])?["imported"] as? Int == 3)
        let listed = APIHarness.object(try await harness.call(.get, "/api/v1/grievances?q=h%E1%BA%BBm&limit=200", as: "registrar"))
        #expect((listed["items"] as? [[String: Any]] ?? []).filter { $0["channel"] as? String == "csv" }.count >= 2)
        // Someone else's upload is not theirs to follow; an admin may.
        #expect(try await harness.call(.get, location, as: "member").status == .notFound)
        #expect(try await harness.call(.get, location, as: "admin").status == .ok)
    }

    @Test("importing is the desk's and admins': members, heads and supervisors are refused; an empty or unknown upload is refused")
    func refusals() async throws {
        let harness = try APIHarness()
        for role in ["member", "head", "supervisor"] {
            #expect(try await upload(harness, as: role).status == .forbidden, "\(role)")
        }
        let empty = try await upload(harness, as: "admin", body: "")
        #expect(empty.status == .badRequest && APIHarness.errorCode(empty) == "invalid_field")
        let format = try await harness.call(.post, "/api/v1/imports?format=maildir", as: "admin", json: "x")
        #expect(format.status == .badRequest)
    }
}
