import Foundation
import Testing
import Domain
import Storage

@Suite("Grievance store")
struct GrievanceStoreTests {
    /// Every Vietnamese letter with every tone, upper and lower case, in NFC.
    static let allVietnameseLetters: String = {
        let bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
        let lower = bases.flatMap { base in tones.map { (base + $0).precomposedStringWithCanonicalMapping } }
        return (lower + lower.map { $0.uppercased() } + ["đ", "Đ"]).joined(separator: " ")
    }()

    @Test("Vietnamese text in NFC comes back byte for byte")
    func nfcRoundTrip() throws {
        let fixture = try StoreFixture()
        let text = "Kính gửi Ủy ban MTTQ phường Bảy Hiền: " + GrievanceStoreTests.allVietnameseLetters + " — “ngoặc” ₫ 😀"
        #expect(text == text.precomposedStringWithCanonicalMapping)
        var draft = StoreFixture.draft(text)
        draft.submitter = Submitter(name: "Nguyễn Thị Ngọc Ánh", address: "Khu phố 6, phường Bảy Hiền", phone: "0909 123 456")
        let added = try fixture.store.add(draft, newCode: StoreFixture.newCode)
        let found = try #require(try fixture.store.find(added.trackingCode))
        #expect(Array(found.grievance.text.utf8) == Array(text.utf8))
        #expect(Array((found.grievance.submitter.name ?? "").utf8) == Array("Nguyễn Thị Ngọc Ánh".utf8))
        #expect(found.grievance == added)
        #expect(found.events.count == 1 && found.events[0].type == .received)
    }

    @Test("the store keeps any text exactly as given (NFD too): normalising is the intake's job")
    func transparentForNFD() throws {
        let fixture = try StoreFixture()
        let nfd = "Hồ Chí Minh".decomposedStringWithCanonicalMapping
        let added = try fixture.store.add(StoreFixture.draft(nfd), newCode: StoreFixture.newCode)
        let found = try #require(try fixture.store.find(added.trackingCode))
        #expect(Array(found.grievance.text.utf8) == Array(nfd.utf8))
        #expect(Array(found.grievance.text.utf8) != Array("Hồ Chí Minh".precomposedStringWithCanonicalMapping.utf8))
    }

    @Test("a transition writes the new state and its event together")
    func transitionWritesEvent() throws {
        let fixture = try StoreFixture()
        let added = try fixture.store.add(StoreFixture.draft(), newCode: StoreFixture.newCode)
        let at = Timestamp.parse("2026-11-24T03:00:00Z")!
        _ = try fixture.store.transition(added.trackingCode,
                                         TransitionRequest(to: .assigned, unit: "ban-ctmt-kp6", coordinatingUnits: ["chi-bo-kp6"]),
                                         at: at, actor: "can-bo-a")
        let found = try #require(try fixture.store.find(added.trackingCode))
        #expect(found.grievance.status == .assigned)
        #expect(found.grievance.leadUnit == "ban-ctmt-kp6")
        #expect(found.grievance.coordinatingUnits == ["chi-bo-kp6"])
        #expect(found.events.map(\.sequence) == [1, 2])
        #expect(found.events[1].actor == "can-bo-a" && found.events[1].at == at)
        #expect(try fixture.store.list(GrievanceFilter(unit: "chi-bo-kp6")).map(\.trackingCode) == [added.trackingCode])
        #expect(try fixture.store.list(GrievanceFilter(status: .received)).isEmpty)
    }

    @Test("a refused transition changes nothing")
    func refusedTransitionLeavesNoTrace() throws {
        let fixture = try StoreFixture()
        let added = try fixture.store.add(StoreFixture.draft(), newCode: StoreFixture.newCode)
        let missing = TrackingCode(parsing: "ZZZZZ-ZZZZZ")!
        #expect(throws: StoreError.mergeTargetMissing(missing)) {
            try fixture.store.transition(added.trackingCode, TransitionRequest(to: .merged, mergedInto: missing),
                                         at: Date(), actor: nil)
        }
        #expect(throws: TransitionError.self) {
            try fixture.store.transition(added.trackingCode, TransitionRequest(to: .closed), at: Date(), actor: nil)
        }
        let found = try #require(try fixture.store.find(added.trackingCode))
        #expect(found.grievance.status == .received)
        #expect(found.events.count == 1)
        #expect(try fixture.database.count("grievance_events") == 1)
    }

    @Test("the event history cannot be edited or erased")
    func eventsAreAppendOnly() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.add(StoreFixture.draft(), newCode: StoreFixture.newCode)
        #expect(throws: SQLiteError.self) {
            try fixture.database.write { try $0.run("UPDATE grievance_events SET reason = 'sửa'") }
        }
        #expect(throws: SQLiteError.self) {
            try fixture.database.write { try $0.run("DELETE FROM grievance_events") }
        }
        #expect(try fixture.database.count("grievance_events") == 1)
    }

    @Test("input reaches SQL only as bound parameters")
    func parametersNotSQL() throws {
        let fixture = try StoreFixture()
        let hostile = "'); DROP TABLE grievances; --"
        let added = try fixture.store.add(StoreFixture.draft(hostile), newCode: StoreFixture.newCode)
        #expect(try fixture.store.find(added.trackingCode)?.grievance.text == hostile)
        #expect(try fixture.store.count() == 1)
    }
}
