internal import Foundation
internal import Domain

/// Where a page of the list ended: the last grievance's receipt time and code, opaque to clients
/// (base64url of "2026-12-07T02:30:00.000Z|K7M3Q9TXR2").
struct ListCursor {
    var receivedAt: Date
    var trackingCode: TrackingCode

    init(receivedAt: Date, trackingCode: TrackingCode) {
        self.receivedAt = receivedAt
        self.trackingCode = trackingCode
    }

    init?(_ text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard text.count <= 64, let data = Data(base64Encoded: base64),
              let decoded = String(data: data, encoding: .utf8) else { return nil }
        let parts = decoded.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, let instant = Timestamp.parse(String(parts[0])),
              let code = TrackingCode(parsing: String(parts[1])) else { return nil }
        receivedAt = instant
        trackingCode = code
    }

    var text: String {
        Data((Timestamp.format(receivedAt) + "|" + trackingCode.value).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
