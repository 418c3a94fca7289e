import Foundation
import Testing
import Domain

@Suite("Validating a new grievance")
struct GrievanceDraftTests {
    func draft(_ text: String) -> GrievanceDraft {
        GrievanceDraft(kind: .kienNghi, channel: .form, text: text, receivedAt: Date())
    }

    @Test("empty and whitespace-only text is refused, naming the field", arguments: ["", "   ", "\n\t "])
    func emptyText(text: String) {
        #expect(throws: FieldError(field: "text", message: "nội dung không được để trống")) { try draft(text).validate() }
    }

    @Test("text up to the limit is accepted, one character more is refused")
    func length() throws {
        try draft(String(repeating: "ạ", count: GrievanceDraft.maximumTextLength)).validate()
        #expect {
            try draft(String(repeating: "ạ", count: GrievanceDraft.maximumTextLength + 1)).validate()
        } throws: { ($0 as? FieldError)?.field == "text" }
    }
}
