import Foundation
import Testing
import JSONText
import Domain
@testable import Storage

@Suite("Event details as JSON")
struct EventDetailsTests {
    @Test("every value survives a round trip through JSONDecoder, escapes included", arguments: [
        ["text": "Đường ngập \"sâu\" 30 cm\r\nở tổ 7\\khu phố 6", "tab": "a\tb"],
        ["control": "\u{01}\u{1F}\u{7F}", "empty": "", "emoji": "🏠 nhà"],
        ["": "khóa rỗng", "z": "last", "a": "first"],
    ])
    func roundTrip(details: [String: String]) throws {
        let json = GrievanceEvent.encodeDetails(details)
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        #expect(decoded == details)
    }

    @Test("keys are written in sorted order, so equal details are equal text")
    func sortedKeys() {
        #expect(GrievanceEvent.encodeDetails(["b": "2", "a": "1", "c": "\n"]) == #"{"a":"1","b":"2","c":"\n"}"#)
        #expect(GrievanceEvent.encodeDetails([:]) == "{}")
        #expect(GrievanceEvent.encodeDetails(["k": "\u{01}"]) == #"{"k":"\u0001"}"#)
    }

    @Test("the eight-byte check finds every control byte, quote and backslash, wherever it is")
    func wordCheck() {
        func slow(_ word: UInt64) -> Bool {
            (0..<8).contains { shift in
                let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(shift)))
                return byte < 0x20 || byte == 0x22 || byte == 0x5C
            }
        }
        var generator = SystemRandomNumberGenerator()
        // Every byte value at every position, in a word of ordinary letters and of UTF-8 bytes.
        for background: UInt64 in [0x6161_6161_6161_6161, 0xA1BB_C3E1_A1BB_C3E1, 0x2323_2323_2323_2323, 0x5D5D_5D5D_5D5D_5D5D] {
            for position in 0..<8 {
                for value in 0...255 as ClosedRange<UInt64> {
                    let shift = UInt64(8 * position)
                    let word = (background & ~(0xFF << shift)) | (value << shift)
                    #expect(JSONByteWriter.hasByteToEscape(word) == slow(word), "\(String(word, radix: 16))")
                }
            }
        }
        for _ in 0..<100_000 {
            let word = generator.next() as UInt64
            #expect(JSONByteWriter.hasByteToEscape(word) == slow(word), "\(String(word, radix: 16))")
        }
    }

    @Test("a long value with escapes at every offset round-trips")
    func longValues() throws {
        let base = Array("Khớp quy tắc R50 (Góp ý → Ủy ban MTTQ xã/phường): loại ý kiến".unicodeScalars)
        for offset in 0...base.count {
            for special in ["\"", "\\", "\n", "\u{01}"] {
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: base[..<offset])
                scalars.append(contentsOf: special.unicodeScalars)
                scalars.append(contentsOf: base[offset...])
                let value = String(scalars)
                let json = GrievanceEvent.encodeDetails(["explanation": value])
                let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
                #expect(decoded == ["explanation": value])
            }
        }
    }
}

@Suite("Stored events that do not read")
struct CorruptEventTests {
    @Test("details that are not a JSON object of strings, or an unknown status, are an error naming the row, not an empty history",
          arguments: [("{\"a\": 1}", "received"), ("not json", "received"), ("{}", "vanished")])
    func corruptDetails(details: String, status: String) throws {
        let fixture = try StoreFixture()
        let code = try fixture.store.add(StoreFixture.draft(), newCode: StoreFixture.newCode).trackingCode
        // Events are append-only: a damaged one is written as a new row, as a faulty tool might.
        try fixture.database.write { connection in
            _ = try connection.run("""
                INSERT INTO grievance_events (grievance_id, sequence, at, type, to_status, details)
                SELECT id, 2, '2026-12-07T00:00:00Z', 'status-changed', ?, ? FROM grievances WHERE tracking_code = ?
                """, [.text(status), .text(details), .text(code.value)])
        }
        #expect(throws: StoreError.self) { try fixture.store.find(code) }
    }
}
