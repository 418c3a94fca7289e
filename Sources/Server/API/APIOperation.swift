public import HTTP
internal import Domain

/// One operation of the API, described once: the router serves it and the OpenAPI document is
/// generated from the same value, so the two cannot drift apart.
struct APIOperation: Sendable {
    enum Access: Sendable {
        /// No login (public lookups and the public form).
        case open
        /// A bearer token of any role; the handler and Casework decide the rest.
        case session
    }

    struct Parameter: Sendable {
        enum Location: String, Sendable { case path, query }
        var name: String
        var location: Location
        var schema: JSONValue
        var required: Bool
        var description: String

        static func path(_ name: String, _ description: String, schema: JSONValue = ["type": "string"]) -> Parameter {
            Parameter(name: name, location: .path, schema: schema, required: true, description: description)
        }

        static func query(_ name: String, _ description: String, schema: JSONValue = ["type": "string"]) -> Parameter {
            Parameter(name: name, location: .query, schema: schema, required: false, description: description)
        }
    }

    struct Response: Sendable {
        var status: Int
        var description: String
        var schema: JSONValue?
        var headers: [String] = []
    }

    var method: HTTPMethod
    var path: String
    var id: String
    var summary: String
    var access: Access
    var parameters: [Parameter] = []
    var requestBody: JSONValue?
    /// The body's media type in the document: JSON, or raw bytes for uploads.
    var requestType = "application/json"
    var responses: [Response]
    var bodyLimit: Int?
    var handler: @Sendable (APIRequest) throws -> HTTPResponse

}
