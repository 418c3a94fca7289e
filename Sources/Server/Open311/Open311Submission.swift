internal import Foundation
internal import Domain
internal import Routing

/// A POST to requests.json|xml read into a petition (after its api_key has been checked):
///
/// - `service_code` (required) is the topic, one of the rules' topics (404 otherwise, as
///   GeoReport v2 answers an unknown service_code);
/// - `description` (required) is the text;
/// - `attribute[kind]` is the kind (phan-anh when absent; see `Open311Services.definition`);
/// - `first_name` and `last_name` make the name, family name first as Vietnamese writes it
///   ("Nguyễn" + "Văn An" → "Nguyễn Văn An"); `email` and `phone` are the submitter's;
/// - `address_string` and `lat`/`long` say where the matter is, not where the citizen lives, so
///   they are not the submitter's address: they are added to the text as a last line
///   ("Địa điểm: …; tọa độ: 10.8, 106.6"), which staff read and the locator places;
/// - `media_url`, `device_id`, `account_id`, `address_id` and `jurisdiction_id` are accepted
///   and ignored (one jurisdiction; no media is fetched).
///
/// GeoReport v2 wants a location (lat/long, address_string or address_id); a petition need not
/// have one (the text may say it, or the matter may have no place), so none is required here.
struct Open311Submission {
    static let kindField = "attribute[" + Open311Services.kindAttribute + "]"

    /// The domain's field names as the Open311 parameters that fill them, for error messages.
    static let parameterNames = ["text": "description", "name": "first_name, last_name", "phone": "phone", "email": "email",
                                 "topic": "service_code", "kind": kindField]

    var topic: String
    var draft: GrievanceDraft

    init(_ fields: Open311Fields, book: RuleBook, now: Date) throws(Open311Error) {
        guard let code = fields.string("service_code") else { throw Open311Error.badRequest("Thiếu service_code (mã chủ đề).") }
        guard book.topics[code] != nil else {
            throw Open311Error.notFound("Không có dịch vụ (chủ đề) '\(code)'; xem services.json.")
        }
        guard var text = fields.string("description") else { throw Open311Error.badRequest("Thiếu description (nội dung đơn).") }
        let kindCode = fields.string(Open311Submission.kindField) ?? Kind.phanAnh.rawValue
        guard let kind = Kind(code: kindCode) else {
            throw Open311Error.badRequest("\(Open311Submission.kindField): không có loại đơn '\(kindCode)'; các loại: \(Kind.allCodes).")
        }
        if let place = try Open311Submission.place(fields) { text += "\n\n" + place }
        let name = [fields.string("last_name"), fields.string("first_name")].compactMap { $0 }.joined(separator: " ")
        topic = code
        draft = GrievanceDraft(kind: kind, channel: .open311, text: text,
                               submitter: Submitter(name: name.isEmpty ? nil : name, phone: fields.string("phone"),
                                                    email: fields.string("email")),
                               receivedAt: now)
    }

    /// "Địa điểm: ADDRESS; tọa độ: LAT, LONG" from what was given; nil when nothing was.
    static func place(_ fields: Open311Fields) throws(Open311Error) -> String? {
        var parts: [String] = []
        if let address = fields.string("address_string") { parts.append("Địa điểm: " + address) }
        switch (fields.string("lat"), fields.string("long")) {
        case (nil, nil): break
        case let (lat?, long?):
            guard let latitude = Double(lat), (-90...90).contains(latitude), let longitude = Double(long),
                  (-180...180).contains(longitude) else {
                throw Open311Error.badRequest("lat, long: cần vĩ độ từ -90 đến 90 và kinh độ từ -180 đến 180 (WGS84).")
            }
            parts.append((parts.isEmpty ? "Tọa độ: " : "tọa độ: ") + lat + ", " + long)
        default:
            throw Open311Error.badRequest("lat, long: cần gửi cả vĩ độ (lat) và kinh độ (long).")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
