import Foundation
@testable import Domain

/// Test fixtures: a grievance in any status, a fixed clock.
extension Grievance {
    static let referenceDate = Timestamp.parse("2026-11-23T02:00:00Z")!

    static func make(status: Status = .received, kind: Kind = .phanAnh, text: String = "Đường Lê Văn Sỹ có ổ gà lớn",
                     code: String = "K7M3Q-9TXR2") -> Grievance {
        var grievance = Grievance(trackingCode: TrackingCode(parsing: code)!,
                                  draft: GrievanceDraft(kind: kind, channel: .form, text: text,
                                                        submitter: Submitter(name: "Trần Thị Mai"),
                                                        receivedAt: referenceDate))
        grievance.status = status
        return grievance
    }
}

extension TransitionRequest {
    /// A request to `status` carrying everything any target needs, so only the table decides.
    static func complete(to status: Status) -> TransitionRequest {
        TransitionRequest(to: status, reason: "lý do", unit: "uy-ban-mttq-bay-hien", authority: "UBND phường Bảy Hiền",
                          mergedInto: TrackingCode(parsing: "AAAAA-BBBBB")!)
    }
}
