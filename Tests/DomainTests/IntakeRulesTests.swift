import Foundation
import Testing
import Domain

/// The rules every front end applies to a letter coming in: control characters removed, field
/// lengths, and a receipt dated at most a day ahead (issue 17, items 3, 17 and 19).
@Suite("Intake rules on a new grievance")
struct IntakeRulesTests {
    func draft(_ text: String, submitter: Submitter = Submitter(), received: Date = Date()) -> GrievanceDraft {
        GrievanceDraft(kind: .phanAnh, channel: .form, text: text, submitter: submitter, receivedAt: received)
    }

    @Test("C0 and C1 controls and DEL are removed; the text keeps its line ends and tabs")
    func controls() {
        var letter = draft("Cống\u{1B}[31m tắc\u{0}\r\nđã\t3 tuần\u{7F}\u{85}\u{9B}.",
                           submitter: Submitter(name: "Lý\u{7}\nVăn\tChín", phone: "0909\u{0}123"))
        let removed = letter.removeControlCharacters()
        #expect(letter.text == "Cống[31m tắc\nđã\t3 tuần.")
        #expect(letter.submitter.name == "Lý Văn Chín")
        #expect(letter.submitter.phone == "0909123")
        #expect(removed == ["text": 5, "name": 1, "phone": 1])
        #expect(GrievanceDraft.controlCharactersNote(removed) == "name: 1, phone: 1, text: 5")
    }

    @Test("clean text is returned as it is, and nothing is noted")
    func cleanText() {
        var letter = draft("Đường Lê Văn Sỹ có ổ gà lớn\n\tđã lâu § ½")
        #expect(letter.removeControlCharacters().isEmpty)
        #expect(letter.text == "Đường Lê Văn Sỹ có ổ gà lớn\n\tđã lâu § ½")
        #expect(GrievanceDraft.controlCharactersNote([:]) == nil)
    }

    @Test("every field has a limit; one character more is refused naming the field", arguments: [
        ("name", FieldLimits.name), ("address", FieldLimits.address), ("phone", FieldLimits.phone),
        ("email", FieldLimits.email), ("residential", FieldLimits.residential),
    ])
    func limits(field: String, limit: Int) throws {
        func make(_ count: Int) -> GrievanceDraft {
            let value = String(repeating: "ạ", count: count)
            var letter = draft("Đường hỏng")
            switch field {
            case "name": letter.submitter.name = value
            case "address": letter.submitter.address = value
            case "phone": letter.submitter.phone = value
            case "email": letter.submitter.email = value
            default: letter.place.residential = value
            }
            return letter
        }
        try make(limit).validate()
        #expect { try make(limit + 1).validate() } throws: { ($0 as? FieldError)?.field == field }
    }

    @Test("a 98,000-character name is refused")
    func hugeName() {
        #expect { try draft("Đường hỏng", submitter: Submitter(name: String(repeating: "a", count: 98_000))).validate() }
            throws: { ($0 as? FieldError)?.field == "name" }
    }

    @Test("a receipt may be dated up to one day ahead, not later")
    func futureReceipt() throws {
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        try draft("Đường hỏng", received: now.addingTimeInterval(86_400)).validate(now: now)
        try draft("Đường hỏng", received: now.addingTimeInterval(-86_400 * 400)).validate(now: now)
        #expect { try draft("Đường hỏng", received: now.addingTimeInterval(86_401)).validate(now: now) }
            throws: { ($0 as? FieldError)?.field == "received" }
        #expect(GrievanceDraft.futureReceiptProblem(LocalDate(iso: "2030-01-01")!.startInVietnam, now: now) != nil)
    }
}
