import Foundation
import Testing
import Casework
import Domain
import Routing
import Storage
import TestSupport
import CaseworkSupport

/// Every operation × every role × a grievance of the user's own unit, of a unit below it, of an
/// unrelated unit, and a confidential tố cáo of their unit: the outcome written as a table.
@Suite("Casework authorization matrix")
struct AuthorizationMatrixTests {
    enum Outcome: String { case ok, notFound = "404", refused = "403" }
    typealias Target = AuthorizationFixture.Target
    typealias Fixture = AuthorizationFixture
    static let roles = AuthorizationFixture.roles
    static let denouncer = AuthorizationFixture.denouncer
    static let expected = AuthorizationFixture.expected.mapValues { $0.mapValues { $0.map { Outcome(rawValue: $0)! } } }

    static func outcome(_ body: () throws -> Void) -> Outcome {
        do {
            try body()
            return .ok
        } catch StoreError.notFound {
            return .notFound
        } catch CaseworkError.notAllowed {
            return .refused
        } catch {
            Issue.record("unexpected error: \(error)")
            return .refused
        }
    }

    @Test("each operation, role and grievance gives the outcome the table says", arguments: ["show", "accept", "correct", "reveal", "extend", "merge", "listed"])
    func matrix(_ operation: String) throws {
        for (name, principal) in AuthorizationMatrixTests.roles {
            for target in Target.allCases {
                let fixture = try Fixture()
                let code = fixture.codes[target.rawValue]
                let casework = fixture.casework
                let result: Outcome
                switch operation {
                case "show":
                    result = AuthorizationMatrixTests.outcome { _ = try casework.show(code, as: principal, at: Date()) }
                case "accept":
                    result = AuthorizationMatrixTests.outcome {
                        _ = try casework.transition(code, TransitionRequest(to: .accepted), as: principal, at: Date())
                    }
                case "correct":
                    result = AuthorizationMatrixTests.outcome {
                        _ = try casework.correct(code, topic: "giao-thong", kind: nil, reroute: nil, as: principal, at: Date())
                    }
                case "reveal":
                    result = AuthorizationMatrixTests.outcome {
                        _ = try casework.revealIdentity(code, reason: "xác minh", as: principal, at: Date())
                    }
                case "extend":
                    _ = try casework.transition(code, TransitionRequest(to: .accepted), as: Principal(login: "admin", role: .admin),
                                                at: Date())
                    result = AuthorizationMatrixTests.outcome {
                        do {
                            _ = try casework.extend(code, days: 5, reason: "vụ việc phức tạp", as: principal, at: Date())
                        } catch is FieldError {
                            // Past the access check, the policy of a phản ánh allows no extension: not this table's concern.
                        }
                    }
                case "merge":
                    // Into a fifth grievance of the ward's committee, which every role of it sees.
                    let target = try fixture.extra(lead: "mttq-bay-hien")
                    result = AuthorizationMatrixTests.outcome {
                        _ = try casework.transition(code, TransitionRequest(to: .merged, mergedInto: target), as: principal, at: Date())
                    }
                default:
                    let listed = try casework.list(GrievanceFilter(), as: principal, at: Date()).map(\.trackingCode)
                    result = listed.contains(code) ? .ok : .notFound
                }
                #expect(result == AuthorizationMatrixTests.expected[operation]?[name]?[target.rawValue],
                        "\(operation) by \(name) on \(target): \(result)")
            }
        }
    }

    @Test("no one sees the denouncer without revealing: show and list redact for every role, even an admin")
    func noLeak() throws {
        let fixture = try Fixture()
        for (name, principal) in AuthorizationMatrixTests.roles {
            let listed = try fixture.casework.list(GrievanceFilter(), as: principal, at: Date())
            let toCao = fixture.codes[Target.toCao.rawValue]
            for grievance in listed where grievance.trackingCode == toCao {
                #expect(grievance.submitter.name == Redaction.hidden && grievance.submitter.phone == Redaction.hidden, "\(name)")
            }
            if let (shown, events) = try? fixture.casework.show(toCao, as: principal, at: Date()) {
                #expect(shown.submitter.name == Redaction.hidden, "\(name)")
                #expect(!events.contains { $0.details.values.contains { $0.contains(AuthorizationMatrixTests.denouncer) } })
            }
        }
    }

    @Test("registering is for everyone but a supervisor; importing and the quarantine for the desk and admins")
    func registerAndImport() throws {
        for (name, principal) in AuthorizationMatrixTests.roles {
            let fixture = try Fixture()
            let draft = GrievanceDraft(kind: .phanAnh, channel: .form, text: "Đèn đường hỏng", receivedAt: Date())
            let register = AuthorizationMatrixTests.outcome {
                _ = try fixture.casework.register(draft, routing: nil, receivedDetails: [:], as: principal, at: Date())
            }
            #expect(register == (principal.role == .supervisor ? .refused : .ok), "\(name)")
            let desk = principal.role == .registrar || principal.role == .admin
            let quarantine = AuthorizationMatrixTests.outcome {
                _ = try fixture.casework.quarantine(previewLength: 80, reveal: false, as: principal, at: Date())
            }
            #expect(quarantine == (desk ? .ok : .refused), "\(name)")
            #expect(AuthorizationMatrixTests.outcome { try fixture.casework.checkImport(as: principal) } == (desk ? .ok : .refused))
        }
    }

    @Test("administration is the admin's: accounts, grants and the audit log")
    func administration() throws {
        for (name, principal) in AuthorizationMatrixTests.roles {
            let fixture = try Fixture()
            let allowed = principal.role == .admin
            let add = AuthorizationMatrixTests.outcome {
                _ = try fixture.casework.addUser(login: "new.user", role: .supervisor, unit: nil, name: nil, password: "mot-mat-khau-dai",
                                                 as: principal, at: Date())
            }
            let grant = AuthorizationMatrixTests.outcome {
                try fixture.casework.grantIdentity(fixture.codes[3], to: "granted", reason: "lý do", as: principal, at: Date())
            }
            let audit = AuthorizationMatrixTests.outcome { _ = try fixture.casework.audit(login: nil, trackingCode: nil, limit: 10, as: principal) }
            let users = AuthorizationMatrixTests.outcome { _ = try fixture.casework.users(as: principal) }
            for result in [add, grant, audit, users] { #expect(result == (allowed ? .ok : .refused), "\(name)") }
        }
    }

    @Test("views, reveals, grants and account changes are in the audit log, in the transaction of what they record")
    func audited() throws {
        let fixture = try Fixture()
        let admin = Principal(login: "admin", role: .admin)
        let code = fixture.codes[Target.toCao.rawValue]
        _ = try fixture.casework.show(code, as: Principal(login: "member", role: .member, unit: "mttq-bay-hien"), at: Date())
        _ = try fixture.casework.revealIdentity(code, reason: "xác minh", as: admin, at: Date())
        _ = try? fixture.casework.revealIdentity(code, reason: "tò mò", as: Principal(login: "member", role: .member, unit: "mttq-bay-hien"),
                                                 at: Date())
        let log = try fixture.casework.audit(login: nil, trackingCode: code, limit: 100, as: admin)
        #expect(log.map(\.action) == ["reveal-identity", "view", "grant-identity"])
        #expect(log.first?.login == "admin" && log.first?.detail == "xác minh")
        let (_, events) = try fixture.casework.show(code, as: admin, at: Date())
        #expect(events.filter { $0.type == .identityRevealed }.count == 1)
    }
}
