internal import HTTP
internal import Routing
internal import Presentation

/// What the rules say: units, topics and the rules' version. Any logged-in user may read them.
enum DirectoryOperations {
    static func all(_ context: APIContext) -> [APIOperation] {
        let book = context.routing.book
        return [
            APIOperation(method: .get, path: "/api/v1/units", id: "listUnits", summary: "Danh bạ đơn vị", access: .session,
                         responses: [.init(status: 200, description: "Các đơn vị", schema: itemsOf("Unit"))]) { _ in
                APIServer.json { json in
                    json.raw("{\"items\":[")
                    var first = true
                    for unit in book.directory.units.values.sorted(by: { $0.id < $1.id }) {
                        json.separator(&first)
                        json.raw("{\"id\":"); json.string(unit.id)
                        json.raw(",\"name\":"); json.string(unit.name)
                        json.raw(",\"parent\":"); json.string(unit.parent)
                        json.raw(",\"type\":"); json.string(unit.type.rawValue)
                        json.raw("}")
                    }
                    json.raw("]}")
                }
            },
            APIOperation(method: .get, path: "/api/v1/topics", id: "listTopics", summary: "Các chủ đề", access: .session,
                         responses: [.init(status: 200, description: "Các chủ đề", schema: itemsOf("Topic"))]) { _ in
                APIServer.json { json in
                    json.raw("{\"items\":[")
                    var first = true
                    for topic in book.topics.values.sorted(by: { $0.id < $1.id }) {
                        json.separator(&first)
                        json.raw("{\"description\":"); json.string(topic.description)
                        json.raw(",\"id\":"); json.string(topic.id)
                        json.raw(",\"name\":"); json.string(topic.name)
                        json.raw("}")
                    }
                    json.raw("]}")
                }
            },
            APIOperation(method: .get, path: "/api/v1/rules", id: "rulesVersion", summary: "Phiên bản bộ quy tắc đang dùng",
                         access: .session, responses: [.init(status: 200, description: "Bộ quy tắc", schema: APISchemas.ref("Rules"))]) { _ in
                APIServer.json { json in
                    json.raw("{\"rules\":"); json.int(book.rules.count)
                    json.raw(",\"topics\":"); json.int(book.topics.count)
                    json.raw(",\"units\":"); json.int(book.directory.units.count)
                    json.raw(",\"version\":"); json.string(book.version)
                    json.raw("}")
                }
            },
        ]
    }

    static func itemsOf(_ schema: String) -> JSONValue {
        APISchemas.object([("items", ["type": "array", "items": APISchemas.ref(schema)])], required: ["items"])
    }
}
