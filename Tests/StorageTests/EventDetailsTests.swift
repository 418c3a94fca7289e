import Foundation
import Testing
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
}
