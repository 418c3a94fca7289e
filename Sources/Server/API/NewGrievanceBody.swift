internal import Foundation
internal import Domain
internal import Casework

/// A petition as the API receives it (staff's form and the public form), read into a draft.
enum NewGrievanceBody {
    /// - Parameter staff: false for the public form, which takes only what a citizen can say.
    static func read(_ body: JSONBody, now: Date, channel: Channel,
                     staff: Bool = true) throws(APIError) -> (draft: GrievanceDraft, topic: String?, route: Bool) {
        let kindText = try body.required("kind")
        guard let kind = Kind(code: kindText) else {
            throw APIError.invalid("kind", "Không có loại đơn '\(kindText)'; các loại: \(Kind.allCodes).")
        }
        guard let text = try body.string("text") else { throw APIError.invalid("text", "Nội dung không được để trống.") }
        if try body.string("id_number") != nil {
            // Refused rather than dropped: staff must not believe a number was kept that was not.
            throw APIError(.unprocessableContent, code: "unsupported_field",
                           message: "Chưa lưu được số giấy tờ tùy thân; ghi đơn không có trường này.", field: "id_number")
        }
        var channel = channel
        var received = now
        var place = Place()
        var topic: String?
        var route = true
        var confidential = false
        if staff {
            if let code = try body.string("channel") {
                guard let parsed = Channel(rawValue: code) else {
                    throw APIError.invalid("channel", "Không có kênh '\(code)'; các kênh: \(Channel.allCodes).")
                }
                channel = parsed
            }
            if let value = try body.string("received") {
                guard let date = Timestamp.parse(value) ?? LocalDate(typed: value).map(\.startInVietnam), LocalDate(date).isPlausible else {
                    throw APIError.invalid("received", "'\(value)' không phải thời điểm hợp lệ: ngày dd/mm/yyyy hoặc ISO 8601.")
                }
                received = date
            }
            place = PlaceCheck.completed(Place(provinceCode: try body.string("province"), communeCode: try body.string("commune"),
                                               residential: try body.string("residential")))
            topic = try body.string("topic")
            route = try body.bool("route") ?? true
            confidential = try body.bool("confidential") ?? false
        }
        let draft = GrievanceDraft(
            kind: kind, channel: channel, text: text,
            submitter: Submitter(name: try body.string("name"), address: try body.string("address"), phone: try body.string("phone"),
                                 email: try body.string("email"), confidential: confidential),
            receivedAt: received, place: place)
        return (draft, topic, route)
    }
}
