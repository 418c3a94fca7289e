@testable import HTTP

/// Test helpers: run the parser over bytes cut into pieces and collect what it produces.
enum ParseOutcome: Equatable {
    case events([HTTPRequestParser.Event])
    case refused([HTTPRequestParser.Event], HTTPError)

    var status: Int? {
        if case .refused(_, let error) = self { return error.status.code }
        return nil
    }

    var requests: [HTTPRequest] {
        let events: [HTTPRequestParser.Event]
        switch self {
        case .events(let all), .refused(let all, _): events = all
        }
        return events.compactMap { if case .request(let request) = $0 { request } else { nil } }
    }
}

extension HTTPRequestParser {
    static func feed(_ pieces: [[UInt8]], limits: HTTPLimits = HTTPLimits(),
                     bodyLimit: @escaping @Sendable (HTTPRequest) -> Int = { _ in HTTPLimits.defaultBodyLimit }) -> ParseOutcome {
        var parser = HTTPRequestParser(limits: limits, bodyLimit: bodyLimit)
        var events: [Event] = []
        for piece in pieces {
            parser.append(piece)
            do {
                while let event = try parser.next() { events.append(event) }
            } catch {
                return .refused(events, error)
            }
        }
        return .events(events)
    }

    static func feed(_ text: String, limits: HTTPLimits = HTTPLimits(),
                     bodyLimit: @escaping @Sendable (HTTPRequest) -> Int = { _ in HTTPLimits.defaultBodyLimit }) -> ParseOutcome {
        feed([Array(text.utf8)], limits: limits, bodyLimit: bodyLimit)
    }
}
