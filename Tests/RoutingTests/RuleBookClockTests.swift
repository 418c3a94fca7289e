import Foundation
import Testing
import TestSupport
import Domain
@testable import Routing

@Suite("Deadlines counted by the rules after routing: from acceptance, and after a pause")
struct RuleBookClockTests {
    static let clock = RuleBookClock(book: .demo)

    /// A grievance as routing left it, in `status`, under the rule book's policy `policy`.
    static func routed(kind: Kind, policy: String, status: Status, resolve: String? = nil) -> Grievance {
        var grievance = Grievance(trackingCode: TrackingCode(parsing: "K7M3Q-9TXR2")!,
                                  draft: GrievanceDraft(kind: kind, channel: .form, text: "Đơn thử",
                                                        submitter: Submitter(name: "Trần Thị Mai"),
                                                        receivedAt: Timestamp.parse("2026-10-01T02:00:00Z")!))
        grievance.status = status
        grievance.leadUnit = "mttq-tphcm"
        grievance.routing = RoutingRecord(rule: "R", rulesVersion: "v", deadlinePolicy: policy)
        grievance.deadlines.resolve = resolve.flatMap { LocalDate(iso: $0) }
        return grievance
    }

    /// Noon in Vietnam on `iso`.
    static func noon(_ iso: String) -> Date { Timestamp.parse("\(iso)T05:00:00Z")! }

    /// The grievance accepted at noon on `iso`, deadlines counted by the rule book's clock.
    static func accept(_ grievance: Grievance, on iso: String) throws -> (Grievance, GrievanceEvent) {
        try grievance.applying(TransitionRequest(to: .accepted), at: noon(iso), actor: nil, sequence: 3, clock: clock)
    }

    @Test("accepting counts the resolution period from the day of acceptance, not from the latest possible day")
    func fromAcceptance() throws {
        let grievance = RuleBookClockTests.routed(kind: .khieuNai, policy: "khieu-nai", status: .assigned, resolve: "2026-11-12")
        let (accepted, event) = try RuleBookClockTests.accept(grievance, on: "2026-10-05")
        // Monday 05/10/2026 + 30 days is Wednesday 04/11/2026, a working day.
        #expect(accepted.deadlines.resolve == LocalDate(iso: "2026-11-04"))
        #expect(event.details["due_resolve"] == "2026-11-04")
        // Without the rules, routing's date stands (the domain cannot count working days alone).
        let (plain, _) = try grievance.applying(TransitionRequest(to: .accepted), at: RuleBookClockTests.noon("2026-10-05"),
                                                actor: nil, sequence: 3)
        #expect(plain.deadlines.resolve == LocalDate(iso: "2026-11-12"))
    }

    @Test("a reopened grievance accepted again gets a new period, not its old, long-passed date")
    func reopenedAndAccepted() throws {
        let grievance = RuleBookClockTests.routed(kind: .toCao, policy: "to-cao", status: .reopened, resolve: "2026-01-10")
        let (accepted, _) = try RuleBookClockTests.accept(grievance, on: "2026-11-23")
        // Monday 23/11/2026 + 30 days is Wednesday 23/12/2026.
        #expect(accepted.deadlines.resolve == LocalDate(iso: "2026-12-23"))
    }

    @Test("routed to triage or transferred, a grievance takes its kind's policy, else the fallback, when accepted",
          arguments: [(Kind.khieuNai, "khieu-nai"), (.phanAnh, "phan-anh-kien-nghi"), (.toCao, "to-cao")])
    func kindPolicy(kind: Kind, expected: String) throws {
        let grievance = RuleBookClockTests.routed(kind: kind, policy: "chuyen-don", status: .assigned)
        #expect(RuleBookClockTests.clock.resolutionPolicy(for: grievance)?.id == expected)
        let (accepted, _) = try RuleBookClockTests.accept(grievance, on: "2026-11-23")
        #expect(accepted.deadlines.resolve == LocalDate(iso: "2026-12-23"))
    }

    @Test("after waiting for the citizen, calendar days are added and a date on a rest day moves to the next working day")
    func resumeCalendarDays() throws {
        var grievance = RuleBookClockTests.routed(kind: .khieuNai, policy: "khieu-nai", status: .waitingForCitizen, resolve: "2026-12-16")
        grievance.deadlines.pausedSince = LocalDate(iso: "2026-11-20")
        let (resumed, event) = try grievance.applying(TransitionRequest(to: .inProgress), at: RuleBookClockTests.noon("2026-11-23"),
                                                      actor: nil, sequence: 6, clock: RuleBookClockTests.clock)
        // Wednesday 16/12 + 3 days is Saturday 19/12: Monday 21/12.
        #expect(resumed.deadlines.resolve == LocalDate(iso: "2026-12-21"))
        #expect(resumed.deadlines.pausedSince == nil && resumed.deadlines.pausedDays == 3)
        #expect(event.details["paused_days"] == "3" && event.details["due_resolve"] == "2026-12-21")
    }

    @Test("after waiting for the citizen under a limit in working days, the working days paused are added")
    func resumeWorkingDays() throws {
        let directory = TemporaryDirectory()
        let rules = directory.path("rules")
        try FileManager.default.copyItem(atPath: ProjectPaths.rules, toPath: rules)
        let deadlines = rules + "/rules/deadlines.rules"
        let extra = "\ndeadline lam-viec\n  accept: 5 working days\n  resolve: 10 working days\n  source: thử nghiệm\n"
        try (try String(contentsOfFile: deadlines, encoding: .utf8) + extra).write(toFile: deadlines, atomically: true, encoding: .utf8)
        let clock = RuleBookClock(book: try RuleBookLoader.load(directory: rules))
        var grievance = RuleBookClockTests.routed(kind: .yKien, policy: "lam-viec", status: .waitingForCitizen, resolve: "2026-12-16")
        grievance.deadlines.pausedSince = LocalDate(iso: "2026-11-20")
        let (resumed, _) = try grievance.applying(TransitionRequest(to: .inProgress), at: RuleBookClockTests.noon("2026-11-23"),
                                                  actor: nil, sequence: 6, clock: clock)
        // Paused Friday to Monday: one working day stood still (Friday). Wednesday 16/12 + 1 working day.
        #expect(resumed.deadlines.resolve == LocalDate(iso: "2026-12-17"))
        // Accepted under it: Monday 23/11 + 10 working days, 24/11 (Ngày Văn hóa Việt Nam) not one, is Tuesday 08/12.
        let accepted = RuleBookClockTests.routed(kind: .yKien, policy: "lam-viec", status: .assigned)
        #expect(clock.resolveDue(for: accepted, acceptedOn: LocalDate(iso: "2026-11-23")!) == LocalDate(iso: "2026-12-08"))
    }
}
