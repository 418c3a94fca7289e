internal import Domain
internal import Routing

/// What GeoReport v2 clients read before they send: the discovery document, the services (one
/// per topic of the rules: service_code is the topic's id) and each service's definition (one
/// attribute, the kind of the letter).
enum Open311Services {
    static let specification = "http://wiki.open311.org/GeoReport_v2"
    static let kindAttribute = "kind"
    /// topics.txt has no groups yet: every service is in this one.
    static let group = "Phản ánh, kiến nghị, khiếu nại, tố cáo"
    static let contact = "Bộ phận tiếp nhận đơn thư của đơn vị vận hành hệ thống này."
    static let keyService = "Quản trị viên cấp khóa API (api_key) cho một tài khoản: danvan user api-key TÊN-ĐĂNG-NHẬP."

    /// - Parameters:
    ///   - url: the endpoint's absolute URL (…/open311/v2).
    ///   - changeset: when the services last changed: the instant the rules were loaded.
    static func discovery(url: String, changeset: String) -> Open311Value {
        .fields([
            .init("changeset", .text(changeset)),
            .init("contact", .text(contact)),
            .init("key_service", .text(keyService)),
            .init("endpoints", .list(item: "endpoint", [.fields([
                .init("specification", .text(specification)),
                .init("url", .text(url)),
                .init("changeset", .text(changeset)),
                .init("type", .text("production")),
                .init("formats", .list(item: "format", [.text(Open311Format.json.mimeType), .text(Open311Format.xml.mimeType)])),
            ])])),
        ])
    }

    /// Every topic, by id, "khac" (other) last.
    static func services(_ book: RuleBook) -> Open311Value {
        let topics = book.topics.values.sorted { ($0.id == "khac" ? 1 : 0, $0.id) < ($1.id == "khac" ? 1 : 0, $1.id) }
        return .list(item: "service", topics.map { topic in
            .fields([
                .init("service_code", .text(topic.id)),
                .init("service_name", .text(topic.name)),
                .init("description", .text(topic.description)),
                .init("metadata", .bool(true)),
                .init("type", .text("realtime")),
                .init("keywords", .text(topic.keywords.joined(separator: ", "))),
                .init("group", .text(group)),
            ])
        })
    }

    /// The definition of `code`'s service: the kind of letter, optional, phản ánh by default.
    static func definition(_ code: String) -> Open311Value {
        .fields([
            .init("service_code", .text(code)),
            .init("attributes", .list(item: "attribute", [.fields([
                .init("variable", .bool(true)),
                .init("code", .text(kindAttribute)),
                .init("datatype", .text("singlevaluelist")),
                .init("required", .bool(false)),
                .init("datatype_description", .text("Chọn một loại; không chọn thì là phản ánh (\(Kind.phanAnh.rawValue)).")),
                .init("order", .integer(1)),
                .init("description", .text("Loại đơn: phản ánh một sự việc, kiến nghị, khiếu nại một quyết định hay hành vi hành chính "
                                            + "đối với mình, tố cáo một hành vi vi phạm (cần họ tên người tố cáo; danh tính được giữ bí mật), "
                                            + "hoặc góp ý kiến.")),
                .init("values", .list(item: "value", Kind.allCases.map { kind in
                    .fields([.init("key", .text(kind.rawValue)), .init("name", .text(capitalized(kind.vietnameseName)))])
                })),
            ])])),
        ])
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
