import Foundation
import Testing
import Domain

/// A denouncer's identity in the letter itself: letters rarely repeat the typed fields exactly.
@Suite("Redaction")
struct RedactionTests {
    static func grievance(text: String, submitter: Submitter, residential: String? = nil) -> Grievance {
        var grievance = Grievance(trackingCode: TrackingCode(parsing: "K7M3Q-9TXR2")!,
                                  draft: GrievanceDraft(kind: .toCao, channel: .form, text: text, submitter: submitter,
                                                        receivedAt: Date(), place: Place(residential: residential)))
        grievance.submitter.confidential = true
        return grievance
    }

    @Test("the name without its honorific, the house and street, the phone however written, ID-card numbers", arguments: [
        ("Tôi là Lý Văn Chín, nhà số 123 Lạc Long Quân, điện thoại 0912345678, tố cáo ông B", ["Lý Văn Chín", "123 Lạc Long Quân", "0912345678"]),
        ("Liên hệ 0912 345 678 hoặc +84 912.345.678", ["0912 345 678", "912.345.678"]),
        ("CCCD 079123456789, CMND 272345678; gọi 0987-654-321", ["079123456789", "272345678", "0987-654-321"]),
        ("ly van chin o so 123 lac long quan", ["ly van chin", "123 lac long quan"]),
    ])
    func quoted(_ text: String, _ secrets: [String]) {
        let submitter = Submitter(name: "Ông Lý Văn Chín", address: "Số 123 Lạc Long Quân, phường Bảy Hiền, TP.HCM",
                                  phone: "+84 912 345 678", confidential: true)
        let (shown, _) = Redaction.redacted(RedactionTests.grievance(text: text, submitter: submitter), events: nil)
        for secret in secrets { #expect(!shown.text.contains(secret), "\(secret) in \(shown.text)") }
        #expect(shown.text.contains(Redaction.hidden))
    }

    @Test("sums, dates and decision numbers stay")
    func numbersThatStay() {
        let text = "Ngày 07/12/2026 ông B nhận 150.000.000 đồng theo Quyết định số 1234/QĐ-UBND, năm 2025"
        let (shown, _) = Redaction.redacted(RedactionTests.grievance(text: text, submitter: Submitter(name: "Lê A", confidential: true)),
                                            events: nil)
        #expect(shown.text == text)
    }

    @Test("a residential area the letter does not name is hidden, and so are the units of such areas in the history")
    func residential() {
        let grievance = RedactionTests.grievance(text: "Tố cáo tổ trưởng thu tiền sai", submitter: Submitter(
            name: "Lê A", address: "KP1, P. Bảy Hiền", confidential: true), residential: "Khu phố 1")
        let event = GrievanceEvent(sequence: 2, at: Date(), type: .statusChanged, details: [
            "lead_unit": "bctmt-bay-hien-kp1", "explanation": "khu dân cư Khu phố 1 → Ban công tác Mặt trận khu phố 1"])
        let (shown, events) = Redaction.redacted(grievance, events: [event], areaUnits: ["bctmt-bay-hien-kp1"])
        #expect(shown.place.residential == Redaction.hidden)
        #expect(events?.first?.details["lead_unit"] == Redaction.hidden)
        #expect(events?.first?.details["explanation"]?.contains("Khu phố 1") == false)
        let named = RedactionTests.grievance(text: "Tố cáo tổ trưởng Khu phố 1 thu tiền sai", submitter: Submitter(
            name: "Lê A", address: "KP1, P. Bảy Hiền", confidential: true), residential: "Khu phố 1")
        #expect(Redaction.redacted(named, events: nil).0.place.residential == "Khu phố 1")
    }
}

@Suite("Event details by sensitivity")
struct EventDetailTests {
    @Test("a detail key nobody declared hides its value; codes stay; free text is scrubbed")
    func defaultDeny() {
        var grievance = Grievance(trackingCode: TrackingCode(parsing: "K7M3Q-9TXR2")!,
                                  draft: GrievanceDraft(kind: .toCao, channel: .email, text: "Tố cáo cán bộ",
                                                        submitter: Submitter(name: "Lê Thị Hoa", confidential: true), receivedAt: Date()))
        grievance.submitter.confidential = true
        let event = GrievanceEvent(sequence: 1, at: Date(), type: .received, details: [
            "some future detail": "gửi bởi Lê Thị Hoa", "column: Số CCCD": "079123456789", "kind": "to-cao",
            "subject": "Đơn của Lê Thị Hoa", "due_resolve": "2026-12-09", "message_id": "<hoa.le@example.com>"])
        let shown = Redaction.redacted(grievance, events: [event]).1?.first?.details
        #expect(shown?["some future detail"] == Redaction.hidden && shown?["column: Số CCCD"] == Redaction.hidden)
        #expect(shown?["message_id"] == Redaction.hidden)
        #expect(shown?["kind"] == "to-cao" && shown?["due_resolve"] == "2026-12-09")
        #expect(shown?["subject"] == "Đơn của \(Redaction.hidden)")
    }
}
