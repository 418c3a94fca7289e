internal import Presentation
internal import JSONText

/// The OpenAPI 3.1 document of the API, generated from the operations the router serves.
enum OpenAPIDocument {
    static func make(_ operations: [APIOperation]) -> [UInt8] {
        var json = JSONByteWriter(capacity: 32 * 1024)
        value(operations).write(to: &json)
        return json.bytes
    }

    static func value(_ operations: [APIOperation]) -> JSONValue {
        var paths: [(String, JSONValue)] = []
        for operation in operations {
            let entry = (operation.method.rawValue.lowercased(), describe(operation))
            if let index = paths.firstIndex(where: { $0.0 == operation.path }), case let .object(methods) = paths[index].1 {
                paths[index].1 = .object(methods + [entry])
            } else {
                paths.append((operation.path, .object([entry])))
            }
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "danvan API",
                "version": "1",
                "description": "Tiếp nhận, phân loại, chuyển và theo dõi đơn thư của công dân. Lỗi: {\"error\": {\"code\", \"message\", \"field\"}}.",
            ],
            "servers": [["url": "/"]],
            "paths": .object(paths),
            "components": [
                "schemas": .object(APISchemas.all),
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    static func describe(_ operation: APIOperation) -> JSONValue {
        var members: [(String, JSONValue)] = [("operationId", .string(operation.id)), ("summary", .string(operation.summary))]
        // The path's own parameters, also when an operation forgot to describe one.
        var parameters = operation.parameters
        for name in pathParameterNames(operation.path) where !parameters.contains(where: { $0.name == name }) {
            parameters.append(.path(name, name))
        }
        if !parameters.isEmpty {
            members.append(("parameters", .array(parameters.map { parameter in
                ["name": .string(parameter.name), "in": .string(parameter.location.rawValue), "required": .bool(parameter.required),
                 "description": .string(parameter.description), "schema": parameter.schema]
            })))
        }
        if let body = operation.requestBody {
            let content: JSONValue = ["schema": body]
            members.append(("requestBody", ["required": true, "content": .object([(operation.requestType, content)])]))
        }
        var responses: [(String, JSONValue)] = operation.responses.map { response in
            var described: [(String, JSONValue)] = [("description", .string(response.description))]
            if let schema = response.schema {
                described.append(("content", ["application/json": ["schema": schema]]))
            }
            if !response.headers.isEmpty {
                described.append(("headers", .object(response.headers.map { ($0, ["schema": ["type": "string"]]) })))
            }
            return (String(response.status), .object(described))
        }
        let error: JSONValue = ["description": "Lỗi, theo một dạng chung", "content": ["application/json": ["schema": APISchemas.ref("Error")]]]
        responses.append(("4XX", error))
        responses.append(("5XX", error))
        members.append(("responses", .object(responses)))
        if operation.access == .session {
            members.append(("security", [["bearer": []]]))
        } else {
            members.append(("security", []))
        }
        return .object(members)
    }

    static func pathParameterNames(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}
