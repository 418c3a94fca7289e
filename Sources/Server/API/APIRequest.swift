public import Foundation
public import HTTP
public import Domain

/// A request as an API handler sees it: the HTTP request, who is acting (nil on open
/// operations) and when.
struct APIRequest: Sendable {
    var http: HTTPRequest
    var session: APISession?
    var token: String?
    var now: Date

    /// The acting principal; open operations never ask.
    var principal: Principal {
        get throws(APIError) {
            guard let session else { throw APIError.unauthorized }
            return session.principal
        }
    }

    var body: JSONBody {
        get throws(APIError) { try JSONBody(http.body) }
    }

    func parameter(_ name: String) -> String {
        http.parameters[name] ?? ""
    }

    /// The client's address for rate limits: the socket's peer (a proxy in front must be trusted
    /// explicitly; that is the deployment's configuration).
    var clientAddress: String { http.remoteAddress ?? "unknown" }
}
