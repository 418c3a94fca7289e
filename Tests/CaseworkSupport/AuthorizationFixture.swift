public import Foundation
public import Casework
public import Domain
public import Routing
public import Storage
public import TestSupport

/// The authorization matrix's world, shared by the Casework tests and the API tests that repeat
/// them through HTTP: four assigned grievances (the ward committee's own, one of a unit below it,
/// one of an unrelated ward, and a tố cáo of its own), a member granted the tố cáo's identity.
public struct AuthorizationFixture {
    public enum Target: Int, CaseIterable, Sendable { case own, below, unrelated, toCao }

    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let book: RuleBook = try! RuleBookLoader.load(directory: root.appendingPathComponent("routing-rules").path)
    public static let denouncer = "Nguyễn Văn Tố"
    public static let denouncerPhone = "0912345678"

    /// The roles, each of Phường Bảy Hiền's Front committee where it has a unit; "granted" is a
    /// member an admin granted the tố cáo's identity.
    public static let roles: [(name: String, principal: Principal)] = [
        ("registrar", Principal(login: "registrar", role: .registrar, unit: "mttq-bay-hien")),
        ("member", Principal(login: "member", role: .member, unit: "mttq-bay-hien")),
        ("granted", Principal(login: "granted", role: .member, unit: "mttq-bay-hien")),
        ("head", Principal(login: "head", role: .head, unit: "mttq-bay-hien")),
        ("supervisor", Principal(login: "supervisor", role: .supervisor)),
        ("admin", Principal(login: "admin", role: .admin)),
    ]

    /// Outcome per operation, role and target (own, below, unrelated, tố cáo): "ok", "404" (answered
    /// as an unknown code) or "403" (seen but refused).
    public static let expected: [String: [String: [String]]] = [
        "show": [
            "registrar": ["ok", "ok", "404", "ok"], "member": ["ok", "404", "404", "ok"],
            "granted": ["ok", "404", "404", "ok"], "head": ["ok", "ok", "404", "ok"],
            "supervisor": ["ok", "ok", "ok", "ok"], "admin": ["ok", "ok", "ok", "ok"],
        ],
        "accept": [
            "registrar": ["403", "403", "404", "403"], "member": ["ok", "404", "404", "ok"],
            "granted": ["ok", "404", "404", "ok"], "head": ["ok", "ok", "404", "ok"],
            "supervisor": ["403", "403", "403", "403"], "admin": ["ok", "ok", "ok", "ok"],
        ],
        "correct": [
            "registrar": ["403", "403", "404", "403"], "member": ["ok", "404", "404", "ok"],
            "granted": ["ok", "404", "404", "ok"], "head": ["ok", "ok", "404", "ok"],
            "supervisor": ["403", "403", "403", "403"], "admin": ["ok", "ok", "ok", "ok"],
        ],
        // Only the tố cáo has a protected identity; revealing another's is an ordinary view.
        "reveal": [
            "registrar": ["ok", "ok", "404", "403"], "member": ["ok", "404", "404", "403"],
            "granted": ["ok", "404", "404", "ok"], "head": ["ok", "ok", "404", "403"],
            "supervisor": ["ok", "ok", "ok", "403"], "admin": ["ok", "ok", "ok", "ok"],
        ],
        // Extending a grievance the admin accepted; merging it into the user's own other grievance.
        "extend": [
            "registrar": ["403", "403", "404", "403"], "member": ["ok", "404", "404", "ok"],
            "granted": ["ok", "404", "404", "ok"], "head": ["ok", "ok", "404", "ok"],
            "supervisor": ["403", "403", "403", "403"], "admin": ["ok", "ok", "ok", "ok"],
        ],
        "merge": [
            "registrar": ["403", "403", "404", "403"], "member": ["ok", "404", "404", "ok"],
            "granted": ["ok", "404", "404", "ok"], "head": ["ok", "ok", "404", "ok"],
            "supervisor": ["403", "403", "403", "403"], "admin": ["ok", "ok", "ok", "ok"],
        ],
        "listed": [
            "registrar": ["ok", "ok", "404", "ok"], "member": ["ok", "404", "404", "ok"],
            "granted": ["ok", "404", "404", "ok"], "head": ["ok", "ok", "404", "ok"],
            "supervisor": ["ok", "ok", "ok", "ok"], "admin": ["ok", "ok", "ok", "ok"],
        ],
    ]

    public let directory = TemporaryDirectory("danvan-casework")
    public let casework: Casework
    public let codes: [TrackingCode]
    public let database: Database

    /// - Parameter viewAudit: as the server runs Casework (views' audit lines in batches) or not.
    public init(bufferedViews: Bool = false) throws {
        let database = try Database(path: directory.path("c.sqlite"))
        casework = Casework(database: database, book: AuthorizationFixture.book,
                            viewAudit: bufferedViews ? AuditBuffer(database: database) : nil)
        var codes: [TrackingCode] = []
        let leads = ["mttq-bay-hien", "hoi-lhpn-bay-hien", "mttq-hanh-thong", "mttq-bay-hien"]
        try database.write { connection in
            for (index, lead) in leads.enumerated() {
                let toCao = index == Target.toCao.rawValue
                var draft = GrievanceDraft(kind: toCao ? .toCao : .phanAnh, channel: .form,
                                           text: toCao ? "Tố cáo cán bộ phường nhận tiền" : "Đèn đường hỏng đã lâu",
                                           submitter: Submitter(name: toCao ? AuthorizationFixture.denouncer : "Trần Thị Mai",
                                                                phone: toCao ? AuthorizationFixture.denouncerPhone : "0909000111"),
                                           receivedAt: Date().addingTimeInterval(-86_400))
                draft.office = index == Target.unrelated.rawValue ? "mttq-hanh-thong" : "mttq-bay-hien"
                var grievance = Grievance(trackingCode: AuthorizationFixture.code(index), draft: draft)
                grievance.status = .assigned
                grievance.leadUnit = lead
                try GrievanceStore.insert(grievance, events: [grievance.receivedEvent], in: connection)
                codes.append(grievance.trackingCode)
            }
            try AccountStore.insert(User(login: "granted", name: nil, role: .member, unit: "mttq-bay-hien", passwordHash: "x",
                                         mustChangePassword: false, createdAt: Date()), in: connection)
        }
        self.codes = codes
        self.database = database
        try casework.grantIdentity(codes[Target.toCao.rawValue], to: "granted", reason: "cán bộ thụ lý",
                                   as: Principal(login: "admin", role: .admin), at: Date())
    }

    /// One more assigned grievance of `lead`, registered by the ward's committee.
    public func extra(lead: String) throws -> TrackingCode {
        var draft = GrievanceDraft(kind: .phanAnh, channel: .form, text: "Cống thoát nước bị tắc", receivedAt: Date())
        draft.office = "mttq-bay-hien"
        var grievance = Grievance(trackingCode: TrackingCode(parsing: "Z9Y8X7W6V5")!, draft: draft)
        grievance.status = .assigned
        grievance.leadUnit = lead
        _ = try database.write { try GrievanceStore.insert(grievance, events: [grievance.receivedEvent], in: $0) }
        return grievance.trackingCode
    }

    /// Fixed, distinct tracking codes for the fixture's rows.
    public static func code(_ index: Int) -> TrackingCode {
        TrackingCode(parsing: ["K7M3Q9TXR2", "A1B2C3D4E5", "F6G7H8J9K0", "M1N2P3Q4R5"][index])!
    }
}
