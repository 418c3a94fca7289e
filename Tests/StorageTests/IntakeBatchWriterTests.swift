import Foundation
import Testing
import Domain
@testable import Storage
import TestSupport

@Suite("Import batches written")
struct IntakeBatchWriterTests {
    static let routing = RoutingAssignment(
        outcome: .unit, topic: "dat-dai", leadUnit: "mttq-bay-hien", coordinatingUnits: ["ubnd-bay-hien"], authority: nil,
        dueAccept: LocalDate(iso: "2026-12-03"), dueResolve: LocalDate(iso: "2027-01-04"), rule: "R03", rulesVersion: "v1",
        deadlinePolicy: "khieu-nai", explanation: "Khớp quy tắc R03: \"trích dẫn\" và dấu \\ → Ủy ban MTTQ phường Bảy Hiền.")

    @Test("every column and both events are stored as prepared, text bound in place")
    func storedAsPrepared() throws {
        let fixture = try StoreFixture()
        var draft = StoreFixture.draft("Đường ngập sâu 30 cm\nở tổ 7, khu phố 6 — \"khẩn\"", kind: .khieuNai)
        draft.submitter = Submitter(name: "Trần Thị Bình", address: "khu phố 6, phường Bảy Hiền", phone: "0909123456", email: nil)
        let code = StoreFixture.newCode()
        let rows = try NewGrievanceRows(draft, code: code, routing: IntakeBatchWriterTests.routing,
                                        receivedDetails: ["source": "so.csv:2", "column: Ghi chú": "gọi lại"],
                                        routedAt: Timestamp.parse("2026-11-23T03:00:00Z")!)
        let (id, stored) = try fixture.database.write { connection in
            try IntakeBatchWriter(connection).insert(rows, newCode: StoreFixture.newCode)
        }
        #expect(stored == code && id > 0)
        let found = try #require(try fixture.store.find(code))
        #expect(found.grievance.text == draft.text)
        #expect(found.grievance.submitter.name == "Trần Thị Bình" && found.grievance.submitter.phone == "0909123456")
        #expect(found.grievance.submitter.email == nil)
        #expect(found.grievance.status == .assigned && found.grievance.leadUnit == "mttq-bay-hien")
        #expect(found.grievance.coordinatingUnits == ["ubnd-bay-hien"])
        #expect(found.grievance.deadlines.resolve == LocalDate(iso: "2027-01-04"))
        #expect(found.events.map(\.type) == [.received, .statusChanged])
        #expect(found.events[0].details["column: Ghi chú"] == "gọi lại" && found.events[0].details["source"] == "so.csv:2")
        #expect(found.events[1].details["explanation"] == IntakeBatchWriterTests.routing.explanation)
    }

    @Test("a tracking code already taken is replaced by a fresh one, in the same transaction")
    func codeCollision() throws {
        let fixture = try StoreFixture()
        let code = StoreFixture.newCode()
        func rows(_ text: String) throws -> NewGrievanceRows {
            try NewGrievanceRows(StoreFixture.draft(text), code: code, routing: nil, receivedDetails: [:], routedAt: Date())
        }
        let first = try rows("Thư thứ nhất"), second = try rows("Thư thứ hai")
        let codes = try fixture.database.write { connection in
            let writer = try IntakeBatchWriter(connection)
            return (try writer.insert(first, newCode: StoreFixture.newCode).code,
                    try writer.insert(second, newCode: StoreFixture.newCode).code)
        }
        #expect(codes.0 == code && codes.1 != code)
        #expect(try fixture.store.find(codes.1)?.grievance.text == "Thư thứ hai")
        #expect(try fixture.database.count("grievances") == 2)
    }

    @Test("a packed row holds the same values as the ones ordinary statements bind")
    func packedEqualsValues() throws {
        var draft = StoreFixture.draft("Nước thải \"đen\" chảy ra kênh\ttổ 3", kind: .toCao)
        draft.submitter = Submitter(name: "Lê Văn Tám", address: nil, phone: "0912000111", email: "tam@example.vn", confidential: true)
        let rows = try NewGrievanceRows(draft, code: StoreFixture.newCode(), routing: IntakeBatchWriterTests.routing,
                                        receivedDetails: ["source": "so.csv:9"], routedAt: Timestamp.parse("2026-11-23T03:00:00.5Z")!)
        func unpacked(_ row: PackedRow) -> [SQLValue] {
            row.values.map { value in
                switch value {
                case .null: .null
                case let .integer(number): .integer(number)
                case let .text(start, count): .text(String(decoding: row.bytes[start..<start + count], as: UTF8.self))
                }
            }
        }
        let grievance = rows.grievance
        #expect(unpacked(rows.columns) == grievance.mutableColumnValues(updatedAt: grievance.receivedAt))
        #expect(unpacked(rows.columns).contains(.text("2027-01-04")) && unpacked(rows.columns).contains(.null))
        let found = rows.events.count
        #expect(found == 2)
        let (_, routedEvent) = try Grievance(trackingCode: grievance.trackingCode, draft: draft)
            .routed(IntakeBatchWriterTests.routing, at: Timestamp.parse("2026-11-23T03:00:00.5Z")!, sequence: 2)
        #expect(unpacked(rows.events[1]) == Array(routedEvent.columnValues(grievanceID: 0).dropFirst()))
        #expect(unpacked(rows.events[1])[1] == .text("2026-11-23T03:00:00.500Z"))
    }
}
