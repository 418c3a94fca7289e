import Foundation
import Testing
@testable import Domain

@Suite("Lifecycle state machine")
struct LifecycleTests {
    /// The legal moves, written out independently of `Lifecycle.allowedTransitions` so that a change
    /// to the table must be made twice, on purpose.
    static let legal: Set<String> = [
        "received>triage", "received>assigned", "received>rejected", "received>transferred", "received>merged",
        "triage>assigned", "triage>rejected", "triage>transferred", "triage>merged",
        "assigned>assigned", "assigned>accepted", "assigned>triage", "assigned>rejected", "assigned>transferred", "assigned>merged",
        "accepted>in-progress", "accepted>waiting-for-citizen", "accepted>resolved", "accepted>transferred",
        "accepted>merged",
        "in-progress>waiting-for-citizen", "in-progress>resolved", "in-progress>transferred", "in-progress>merged",
        "waiting-for-citizen>in-progress", "waiting-for-citizen>resolved",
        "resolved>closed", "resolved>reopened",
        "closed>reopened",
        "rejected>reopened",
        "transferred>assigned", "transferred>resolved", "transferred>closed", "transferred>reopened",
        "merged>reopened",
        "reopened>triage", "reopened>assigned", "reopened>accepted",
    ]

    static let allPairs: [(Status, Status)] = Status.allCases.flatMap { from in Status.allCases.map { (from, $0) } }

    @Test("every pair of statuses: legal moves succeed and record an event, illegal ones say why",
          arguments: allPairs)
    func everyTransition(from: Status, to: Status) {
        let grievance = Grievance.make(status: from)
        let isLegal = LifecycleTests.legal.contains("\(from.rawValue)>\(to.rawValue)")
        #expect(Lifecycle.canMove(from: from, to: to) == isLegal)
        switch attempt(grievance, .complete(to: to)) {
        case let .success((next, event)):
            #expect(isLegal, "\(from.rawValue) → \(to.rawValue) was accepted but is not legal")
            #expect(next.status == to)
            #expect(event.sequence == 7 && event.fromStatus == from && event.toStatus == to && event.actor == "tester")
            #expect(event.type == .statusChanged)
        case let .failure(error):
            #expect(!isLegal, "\(from.rawValue) → \(to.rawValue) was refused: \(error)")
            guard case let .notAllowed(errorFrom, errorTo, allowed) = error else {
                Issue.record("expected notAllowed, got \(error)")
                return
            }
            #expect(errorFrom == from && errorTo == to)
            #expect(Set(allowed.map { "\(from.rawValue)>\($0.rawValue)" }).isSubset(of: LifecycleTests.legal))
            #expect(error.description.contains("từ “\(from.vietnameseName)” (\(from.rawValue)) sang “\(to.vietnameseName)” (\(to.rawValue))"))
        }
    }

    private func attempt(_ grievance: Grievance, _ request: TransitionRequest) -> Result<(Grievance, GrievanceEvent), TransitionError> {
        do {
            return .success(try grievance.applying(request, at: Grievance.referenceDate, actor: "tester", sequence: 7))
        } catch {
            return .failure(error)
        }
    }

    @Test("the table lists exactly the legal moves")
    func tableMatchesSpecification() {
        let table = Set(Lifecycle.allowedTransitions.flatMap { from, targets in targets.map { "\(from.rawValue)>\($0.rawValue)" } })
        #expect(table == LifecycleTests.legal)
    }

    @Test("assigning needs a unit")
    func assignNeedsUnit() {
        #expect(throws: TransitionError.missing(field: "unit", to: .assigned, why: "cho biết đơn vị chủ trì theo dõi, giải quyết")) {
            try Grievance.make(status: .triage).applying(TransitionRequest(to: .assigned), at: Date(), actor: nil, sequence: 2)
        }
    }

    @Test("rejecting, waiting for the citizen and reopening need a reason", arguments: [
        (Status.received, Status.rejected), (.accepted, .waitingForCitizen), (.closed, .reopened),
    ])
    func reasonRequired(from: Status, to: Status) {
        #expect {
            try Grievance.make(status: from).applying(TransitionRequest(to: to, reason: "   "), at: Date(), actor: nil, sequence: 2)
        } throws: { error in
            guard case let .missing(field, target, _) = error as? TransitionError else { return false }
            return field == "reason" && target == to
        }
    }

    @Test("a transfer needs a unit or an authority, and keeps the authority's deadline")
    func transfer() throws {
        #expect(throws: TransitionError.self) {
            try Grievance.make(status: .assigned).applying(TransitionRequest(to: .transferred), at: Date(), actor: nil, sequence: 2)
        }
        let due = LocalDate(year: 2027, month: 1, day: 6)!
        let (next, event) = try Grievance.make(status: .assigned).applying(
            TransitionRequest(to: .transferred, authority: "UBND phường Bảy Hiền", authorityDue: due),
            at: Date(), actor: nil, sequence: 2)
        #expect(next.authority == "UBND phường Bảy Hiền")
        #expect(next.deadlines.authority == due)
        #expect(event.details["authority_due"] == "2027-01-06")
    }

    @Test("merging needs another grievance's code")
    func merge() throws {
        let grievance = Grievance.make(status: .triage)
        #expect(throws: TransitionError.mergeIntoItself(grievance.trackingCode)) {
            try grievance.applying(TransitionRequest(to: .merged, mergedInto: grievance.trackingCode), at: Date(),
                                   actor: nil, sequence: 2)
        }
        let target = TrackingCode(parsing: "AAAAA-BBBBB")!
        let (merged, _) = try grievance.applying(TransitionRequest(to: .merged, mergedInto: target), at: Date(),
                                                 actor: nil, sequence: 2)
        #expect(merged.mergedInto == target)
        let (reopened, _) = try merged.applying(TransitionRequest(to: .reopened, reason: "không trùng"), at: Date(),
                                                actor: nil, sequence: 3)
        #expect(reopened.mergedInto == nil)
    }

    @Test("waiting for the citizen pauses the clock and resuming pushes the deadline back")
    func clockPause() throws {
        var grievance = Grievance.make(status: .accepted)
        grievance.deadlines.resolve = LocalDate(year: 2026, month: 12, day: 23)
        let pauseAt = Timestamp.parse("2026-11-25T03:00:00Z")!
        let (waiting, _) = try grievance.applying(TransitionRequest(to: .waitingForCitizen, reason: "bổ sung giấy tờ"),
                                                  at: pauseAt, actor: nil, sequence: 2)
        #expect(waiting.deadlines.pausedSince == LocalDate(year: 2026, month: 11, day: 25))
        let resumeAt = Timestamp.parse("2026-12-02T03:00:00Z")!
        let (resumed, event) = try waiting.applying(TransitionRequest(to: .inProgress), at: resumeAt, actor: nil, sequence: 3)
        #expect(resumed.deadlines.pausedSince == nil)
        #expect(resumed.deadlines.pausedDays == 7)
        #expect(resumed.deadlines.resolve == LocalDate(year: 2026, month: 12, day: 30))
        #expect(event.details["paused_days"] == "7")
    }

    @Test("a denunciation keeps its author confidential and cannot be anonymous")
    func denunciation() throws {
        let grievance = Grievance.make(kind: .toCao)
        #expect(grievance.submitter.confidential)
        let anonymous = GrievanceDraft(kind: .toCao, channel: .form, text: "Tố cáo ông X nhận tiền", receivedAt: Date())
        #expect(throws: FieldError.self) { try anonymous.validate() }
    }
}
