internal import Foundation
internal import HTTP
internal import Domain
internal import Storage

/// The arguments of GET requests.json|xml (GeoReport v2 "GET Service Requests"): a comma list of
/// `service_request_id` (which overrides every other argument), or `service_code` (comma list),
/// `start_date` and `end_date` (W3C date-times, at most 90 days apart; the last 90 days when
/// neither is given) and `status` (open, closed or both). At most 1,000 requests, newest first.
enum Open311Query {
    static let span: TimeInterval = 90 * 86_400
    static let limit = 1000
    /// Codes named at once: enough for a client's own requests; more is refused, not cut.
    static let maxCodes = 100

    /// The codes of `service_request_id`; empty when it is absent. A text that is no code stays
    /// in as nil: it is answered as unknown.
    static func codes(_ request: HTTPRequest) throws(Open311Error) -> [TrackingCode?] {
        let codes = list(request.query("service_request_id"))
        guard codes.count <= maxCodes else {
            throw Open311Error.badRequest("service_request_id: tối đa \(maxCodes) mã mỗi lần.")
        }
        return codes.map(TrackingCode.init(parsing:))
    }

    static func filter(_ request: HTTPRequest, now: Date) throws(Open311Error) -> GrievanceFilter {
        var filter = GrievanceFilter(limit: limit)
        let topics = list(request.query("service_code"))
        if !topics.isEmpty { filter.topics = topics }
        let wanted = list(request.query("status"))
        for status in wanted where status != "open" && status != "closed" {
            throw Open311Error.badRequest("status: '\(status)' không phải open hoặc closed.")
        }
        if Set(wanted).count == 1 {
            let open = wanted[0] == "open"
            filter.statuses = Status.allCases.filter { $0.isOpen == open }
        }
        let start = try date(request, "start_date"), end = try date(request, "end_date")
        switch (start, end) {
        case let (start?, end?):
            guard start <= end else { throw Open311Error.badRequest("start_date: phải trước end_date.") }
            guard end.timeIntervalSince(start) <= span else {
                throw Open311Error.badRequest("start_date, end_date: cách nhau tối đa 90 ngày.")
            }
            (filter.receivedFrom, filter.receivedBefore) = (start, end.addingTimeInterval(0.001))
        case let (start?, nil): (filter.receivedFrom, filter.receivedBefore) = (start, start.addingTimeInterval(span + 0.001))
        case let (nil, end?): (filter.receivedFrom, filter.receivedBefore) = (end.addingTimeInterval(-span), end.addingTimeInterval(0.001))
        case (nil, nil): filter.receivedFrom = now.addingTimeInterval(-span)
        }
        return filter
    }

    private static func date(_ request: HTTPRequest, _ name: String) throws(Open311Error) -> Date? {
        guard let text = request.query(name), !text.allSatisfy(\.isWhitespace) else { return nil }
        guard let instant = Open311Time.parse(text.trimmingCharacters(in: .whitespaces)) else {
            throw Open311Error.badRequest("\(name): '\(text)' không phải thời điểm W3C (ví dụ 2026-01-01T00:00:00+07:00).")
        }
        return instant
    }

    /// A comma list, items trimmed, blanks dropped.
    private static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
