import Foundation
import Testing
import Domain
import Storage
import TestSupport

/// A read sees one state of the database: a grievance's status always comes with the event that
/// set it, however busy the writer.
@Suite("Snapshot reads")
struct SnapshotReadTests {
    @Test("while a writer moves a grievance back and forth, every read shows a status with the event that set it")
    func statusWithItsEvent() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let code = try store.add(StoreFixture.draft(), newCode: StoreFixture.newCode).trackingCode
        for status in [Status.triage, .assigned, .accepted, .inProgress] {
            _ = try store.transition(code, TransitionRequest(to: status, unit: "mttq-bay-hien"), at: Date(), actor: "test")
        }
        let stop = Stopwatch()
        let writer = Thread {
            var waiting = false
            while !stop.expired(after: 1.5) {
                let request = waiting ? TransitionRequest(to: .inProgress) : TransitionRequest(to: .waitingForCitizen, reason: "bổ sung")
                _ = try? store.transition(code, request, at: Date(), actor: "test")
                waiting.toggle()
            }
        }
        writer.start()
        var reads = 0, mismatches = 0
        while !stop.expired(after: 1.5) {
            guard let (grievance, events) = try store.find(code) else { continue }
            reads += 1
            if events.last(where: { $0.toStatus != nil })?.toStatus != grievance.status { mismatches += 1 }
        }
        #expect(reads > 50)
        #expect(mismatches == 0)
    }
}

/// Time since creation, readable from several threads.
private final class Stopwatch: @unchecked Sendable {
    let start = Date()
    func expired(after seconds: Double) -> Bool { Date().timeIntervalSince(start) > seconds }
}
