import Foundation
import Testing
import Domain
import Storage
import TestSupport

/// `grievance list --overdue` asks the database; the pages and the table ask `Overdue` in Swift.
/// Both must answer the same for every status, deadline and pause.
@Suite("Overdue filter")
struct OverdueFilterTests {
    @Test("the store's overdue filter picks exactly the grievances Overdue.isOverdue calls late")
    func sqlAgreesWithDomain() throws {
        let fixture = try StoreFixture()
        var random = SplitMix64(seed: 20261207)
        let today = LocalDate(iso: "2026-12-07")!
        let days = [nil, -40, -1, 0, 1, 30].map { $0.map { today.adding(days: $0) } }
        var expected: Set<String> = []
        try fixture.database.write { connection in
            for _ in 0..<600 {
                var grievance = Grievance(trackingCode: StoreFixture.newCode(), draft: StoreFixture.draft())
                grievance.status = Status.allCases[Int(random.next() % UInt64(Status.allCases.count))]
                grievance.deadlines.accept = days[Int(random.next() % UInt64(days.count))]
                grievance.deadlines.resolve = days[Int(random.next() % UInt64(days.count))]
                grievance.deadlines.authority = days[Int(random.next() % UInt64(days.count))]
                grievance.deadlines.pausedSince = random.next() % 5 == 0 ? today.adding(days: -3) : nil
                try GrievanceStore.insert(grievance, events: [grievance.receivedEvent], in: connection)
                if grievance.isOverdue(on: today) { expected.insert(grievance.trackingCode.value) }
            }
        }
        let listed = try fixture.store.list(GrievanceFilter(limit: 10_000, overdueOn: today)).map(\.trackingCode.value)
        #expect(Set(listed) == expected)
        #expect(expected.count > 50 && expected.count < 550)
    }

    @Test("late means past the due day, in a status where that deadline runs, with the clock running")
    func domainRule() {
        let today = LocalDate(iso: "2026-12-07")!
        var grievance = Grievance(trackingCode: StoreFixture.newCode(), draft: StoreFixture.draft())
        grievance.status = .accepted
        grievance.deadlines.resolve = today
        #expect(!grievance.isOverdue(on: today))
        grievance.deadlines.resolve = today.adding(days: -1)
        #expect(grievance.isOverdue(on: today))
        grievance.deadlines.pausedSince = today.adding(days: -2)
        #expect(!grievance.isOverdue(on: today))
        grievance.deadlines.pausedSince = nil
        grievance.status = .resolved
        #expect(!grievance.isOverdue(on: today))
        grievance.status = .assigned
        grievance.deadlines.resolve = nil
        grievance.deadlines.accept = today.adding(days: -1)
        #expect(grievance.isOverdue(on: today))
        grievance.status = .transferred
        #expect(!grievance.isOverdue(on: today))
        grievance.deadlines.authority = today.adding(days: -1)
        #expect(grievance.isOverdue(on: today))
        // Transferred without an authority's date: the Front's follow-up date still runs.
        grievance.deadlines.authority = nil
        grievance.deadlines.resolve = today.adding(days: -1)
        #expect(grievance.isOverdue(on: today))
    }
}
