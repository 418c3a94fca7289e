import Foundation
import Testing
import HTTP
import Server
import CaseworkSupport

/// The API served on loopback and called by curl, as scripts will call it.
@Suite("API on a live server")
struct APILiveTests {
    static func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-s", "-w", "\n%{http_code}"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    @Test("log in, register, read back and look up the status over TCP; health answers")
    func roundTrip() async throws {
        let harness = try APIHarness()
        _ = try harness.fixture.casework.addUser(login: "ban.tiep.dan", role: .registrar, unit: "mttq-bay-hien", name: nil,
                                                 password: "mat-khau-rat-dai", as: .machineOperator(systemUser: "test"), at: Date())
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: harness.api)
        let port = try server.start()
        defer { server.shutdown() }
        let base = "http://127.0.0.1:\(port)"
        let health = try APILiveTests.curl([base + "/healthz"])
        #expect(health.status == 200 && health.body == #"{"status":"ok"}"#)
        let login = try APILiveTests.curl(["-X", "POST", base + "/api/v1/session", "-d", #"{"login":"ban.tiep.dan","password":"mat-khau-rat-dai"}"#])
        #expect(login.status == 200)
        let token = try #require((try JSONSerialization.jsonObject(with: Data(login.body.utf8)) as? [String: Any])?["token"] as? String)
        let created = try APILiveTests.curl(["-X", "POST", base + "/api/v1/grievances", "-H", "Authorization: Bearer \(token)",
                                             "-d", #"{"kind":"phan-anh","text":"Cống thoát nước hẻm 7 Lê Văn Sỹ bị vỡ, phường Bảy Hiền"}"#])
        #expect(created.status == 201)
        let code = try #require((try JSONSerialization.jsonObject(with: Data(created.body.utf8)) as? [String: Any])?["tracking_code"] as? String)
        let read = try APILiveTests.curl([base + "/api/v1/grievances/\(code)", "-H", "Authorization: Bearer \(token)"])
        #expect(read.status == 200 && read.body.contains(code))
        let status = try APILiveTests.curl([base + "/api/v1/public/status/\(code)"])
        #expect(status.status == 200 && status.body.contains("\"status\""))
        let anonymous = try APILiveTests.curl([base + "/api/v1/grievances/\(code)"])
        #expect(anonymous.status == 401)
    }
}
