import Foundation
import Testing
import Casework
import Domain
import Storage
import TestSupport

/// Logging in (for the web and the API to come): the same answer for every refusal, and
/// guessing slowed per account and per address.
@Suite("Casework login")
struct LoginTests {
    struct Fixture {
        let directory = TemporaryDirectory("danvan-login")
        let casework: Casework
        let oneTime: String

        init() throws {
            casework = Casework(database: try Database(path: directory.path("l.sqlite")), book: nil)
            let admin = Principal(login: "admin", role: .admin)
            oneTime = try casework.addUser(login: "lan", role: .supervisor, unit: nil, name: nil, password: nil, as: admin,
                                           at: Date()).oneTimePassword!
            _ = try casework.addUser(login: "tam", role: .supervisor, unit: nil, name: nil, password: "mat-khau-cua-tam", as: admin,
                                     at: Date())
        }
    }

    @Test("a one-time password logs in and must be changed; the new one works and the old does not")
    func firstLogin() throws {
        let fixture = try Fixture()
        let now = Date()
        let first = try fixture.casework.login("lan", password: fixture.oneTime, address: "10.0.0.1", at: now)
        #expect(first.principal.login == "lan" && first.principal.role == .supervisor && first.mustChangePassword)
        try fixture.casework.changePassword("lan", current: fixture.oneTime, new: "mot-mat-khau-moi", at: now)
        #expect(try fixture.casework.login("lan", password: "mot-mat-khau-moi", address: nil, at: now).mustChangePassword == false)
        #expect(throws: LoginError.refused) { try fixture.casework.login("lan", password: fixture.oneTime, address: nil, at: now) }
        #expect(throws: CaseworkError.weakPassword) {
            try fixture.casework.changePassword("lan", current: "mot-mat-khau-moi", new: "ngan", at: now)
        }
    }

    @Test("an unknown login, a wrong password and a disabled account get the same answer")
    func sameAnswer() throws {
        let fixture = try Fixture()
        let now = Date()
        #expect(throws: LoginError.refused) { try fixture.casework.login("ai.do", password: "x", address: nil, at: now) }
        #expect(throws: LoginError.refused) { try fixture.casework.login("tam", password: "sai", address: nil, at: now) }
        try fixture.casework.disableUser("tam", as: Principal(login: "admin", role: .admin), at: now)
        #expect(throws: LoginError.refused) { try fixture.casework.login("tam", password: "mat-khau-cua-tam", address: nil, at: now) }
    }

    @Test("five failures lock the account, and five from one address lock it for other accounts, until the window passes")
    func throttled() throws {
        let fixture = try Fixture()
        let now = Date()
        for _ in 0..<Casework.loginAttempts {
            #expect(throws: LoginError.refused) { try fixture.casework.login("tam", password: "sai", address: "10.0.0.9", at: now) }
        }
        // The right password no longer helps, from anywhere, and the address is held back for others.
        #expect(throws: LoginError.throttled(minutes: 15)) {
            try fixture.casework.login("tam", password: "mat-khau-cua-tam", address: "10.0.0.2", at: now)
        }
        #expect(throws: LoginError.throttled(minutes: 15)) {
            try fixture.casework.login("lan", password: fixture.oneTime, address: "10.0.0.9", at: now)
        }
        #expect(try fixture.casework.login("lan", password: fixture.oneTime, address: "10.0.0.3", at: now).principal.login == "lan")
        let later = now.addingTimeInterval(Casework.loginWindow + 60)
        #expect(try fixture.casework.login("tam", password: "mat-khau-cua-tam", address: "10.0.0.9", at: later).principal.login == "tam")
        let audit = try fixture.casework.audit(login: "tam", trackingCode: nil, limit: 20, as: Principal(login: "admin", role: .admin))
        #expect(audit.filter { $0.action == "login-failed" }.count == Casework.loginAttempts && audit.first?.action == "login")
    }
}
