import Testing
import TestSupport
import Domain
@testable import Routing

@Suite("Router on the demo directory")
struct RouterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var request: RoutingRequest
        var outcome: RoutingDecision.Outcome
        var lead: String?
        var coordinating: [String] = []
        var authority: String? = nil
        var testDescription: String { rule }
    }

    static let received = LocalDate(iso: "2026-11-23")!

    static func request(_ kind: Kind, _ topic: String?, commune: String? = nil, residential: String? = nil,
                        channel: Channel = .form, confidence: Double = 0.9, text: String = "Nội dung đơn") -> RoutingRequest {
        RoutingRequest(text: text, kind: kind, topic: topic, confidence: confidence, province: commune == nil ? nil : "79",
                       commune: commune, residential: residential, channel: channel, received: received)
    }

    static let bayHien = "26983", hanhThong = "26890"

    /// One grievance per rule of routing-rules/, and where it must go.
    static let table: [Case] = [
        Case(rule: "R01", request: request(.toCao, "can-bo-tham-nhung", commune: bayHien), outcome: .unit,
             lead: "ubkt-bay-hien", coordinating: ["mttq-bay-hien"]),
        Case(rule: "R02", request: request(.toCao, "moi-truong", commune: hanhThong), outcome: .transfer,
             lead: "mttq-hanh-thong", authority: "ubnd-hanh-thong"),
        Case(rule: "R05", request: request(.phanAnh, "giao-thong", commune: bayHien, confidence: 0.3), outcome: .triage,
             lead: "mttq-tphcm"),
        Case(rule: "R03", request: request(.khieuNai, "dat-dai", commune: bayHien), outcome: .transfer,
             lead: "mttq-bay-hien", authority: "ubnd-bay-hien"),
        Case(rule: "R40", request: request(.phanAnh, "giao-thong", commune: bayHien, residential: "khu pho 2",
                                           channel: .memberReport), outcome: .unit,
             lead: "chi-bo-bay-hien-kp2", coordinating: ["bctmt-bay-hien-kp2"]),
        Case(rule: "R50", request: request(.yKien, "giao-duc", commune: hanhThong), outcome: .unit, lead: "mttq-hanh-thong"),
        Case(rule: "R10", request: request(.kienNghi, "dat-dai", commune: bayHien), outcome: .transfer,
             lead: "mttq-bay-hien", authority: "ubnd-bay-hien"),
        Case(rule: "R31", request: request(.phanAnh, "an-sinh", commune: hanhThong, text: "Con tôi bị bạo lực gia đình"),
             outcome: .unit, lead: "hoi-lhpn-hanh-thong", coordinating: ["mttq-hanh-thong"]),
        Case(rule: "R20", request: request(.phanAnh, "moi-truong", commune: bayHien, residential: "KP4"), outcome: .unit,
             lead: "bctmt-bay-hien-kp4", coordinating: ["chi-bo-bay-hien-kp4"]),
        Case(rule: "R30", request: request(.kienNghi, "nguoi-co-cong", commune: bayHien), outcome: .unit,
             lead: "mttq-bay-hien", coordinating: ["hoi-ccb-bay-hien"]),
        Case(rule: "R32", request: request(.kienNghi, "giao-duc", commune: hanhThong), outcome: .unit,
             lead: "mttq-hanh-thong", coordinating: ["doan-tn-hanh-thong"]),
        Case(rule: "R33", request: request(.phanAnh, "y-te", commune: bayHien), outcome: .transfer,
             lead: "mttq-bay-hien", authority: "ubnd-bay-hien"),
        Case(rule: "R34", request: request(.phanAnh, "can-bo-tham-nhung", commune: bayHien), outcome: .unit,
             lead: "mttq-bay-hien", coordinating: ["ubkt-bay-hien"]),
        Case(rule: "R21", request: request(.phanAnh, "moi-truong", commune: bayHien), outcome: .unit, lead: "mttq-bay-hien"),
        Case(rule: "R90", request: request(.phanAnh, "giao-thong"), outcome: .triage, lead: "mttq-tphcm"),
        // Hà Nội has no units in the demo directory: every "local" rule finds nothing.
        Case(rule: Router.fallbackRuleID, request: RoutingRequest(text: "Đường hỏng", kind: .phanAnh, topic: "giao-thong",
                                                                  confidence: 0.9, province: "1", commune: "4",
                                                                  received: received),
             outcome: .triage, lead: "mttq-tphcm"),
    ]

    @Test("the table covers every rule of the demo directory")
    func tableCoversEveryRule() {
        #expect(Set(RouterTests.table.map(\.rule)) == Set(RuleBook.demo.rules.map(\.id) + [Router.fallbackRuleID]))
    }

    @Test("each rule sends its grievance where it should", arguments: table)
    func routes(testCase: Case) {
        let decision = Router(book: .demo).route(testCase.request)
        #expect(decision.ruleID == testCase.rule)
        #expect(decision.outcome == testCase.outcome)
        #expect(decision.leadUnit == testCase.lead)
        #expect(decision.coordinatingUnits == testCase.coordinating)
        #expect(decision.authority == testCase.authority)
        #expect(decision.rulesVersion == RuleBook.demo.version)
        #expect(decision.explanation.hasPrefix(testCase.rule == Router.fallbackRuleID ? "Không quy tắc nào khớp" : "Khớp quy tắc \(testCase.rule)"))
        #expect(decision.dueAccept.map { $0 >= RouterTests.received } ?? false, "every decision has an acceptance deadline")
    }

    @Test("deadlines follow the law and the calendar")
    func deadlines() {
        let complaint = Router(book: .demo).route(RouterTests.request(.khieuNai, "dat-dai", commune: RouterTests.bayHien))
        // Received Monday 23/11/2026: accept within 10 days → 3/12; resolve 30 days after acceptance → 2/1/2027,
        // a Saturday → Monday 4/1/2027.
        #expect(complaint.dueAccept == LocalDate(iso: "2026-12-03"))
        #expect(complaint.dueResolve == LocalDate(iso: "2027-01-04"))
        #expect(complaint.explanation.contains("hạn giải quyết 30 ngày (04/01/2027)"))
        // The whole sentence, as every routed event stores it.
        #expect(complaint.explanation == "Khớp quy tắc R03 (Khiếu nại quyết định, hành vi hành chính → UBND xã/phường, "
            + "Mặt trận giám sát): loại khiếu nại, chủ đề “Đất đai”, mã xã/phường 26983 → Ủy ban MTTQ Việt Nam phường Bảy Hiền; "
            + "chuyển đến Ủy ban nhân dân phường Bảy Hiền; hạn thụ lý 10 ngày (03/12/2026); hạn giải quyết 30 ngày (04/01/2027); "
            + "căn cứ: Luật Khiếu nại 2011, Điều 17–18 (thẩm quyền của Chủ tịch UBND cấp xã).")
        let denunciation = Router(book: .demo).route(RouterTests.request(.toCao, "can-bo-tham-nhung", commune: RouterTests.bayHien))
        // 7 working days from 23/11, skipping Ngày Văn hóa Việt Nam on 24/11 → 3/12.
        #expect(denunciation.dueAccept == LocalDate(iso: "2026-12-03"))
        #expect(denunciation.escalation.map(\.action) == [.remind, .escalate, .escalate])
        #expect(denunciation.escalation.map(\.unit) == ["ubkt-bay-hien", "dang-uy-bay-hien", "thanh-uy-tphcm"])
    }

    @Test("the explanation quotes the topic, labels the residential area and says where triage sends it")
    func explanationWording() {
        let local = Router(book: .demo).route(RouterTests.request(.phanAnh, "giao-thong", commune: RouterTests.bayHien,
                                                                  residential: "Khu phố 2"))
        #expect(local.explanation.contains(": loại phản ánh, chủ đề “Giao thông, hạ tầng”, khu dân cư Khu phố 2, mã xã/phường 26983 → "),
                "\(local.explanation)")
        let unsure = Router(book: .demo).route(RouterTests.request(.phanAnh, "giao-thong", commune: RouterTests.bayHien,
                                                                   confidence: 0.3))
        #expect(unsure.explanation.contains(" → chuyển đến bộ phận phân loại của "), "\(unsure.explanation)")
    }

    @Test("a denunciation naming the unit or one of its members never goes to it", arguments: [
        "Tố cáo ông Nguyễn Văn Tâm nhận tiền của dân",
        "To cao uy ban kiem tra phuong Bay Hien bao che sai pham",
    ])
    func conflictOfInterest(text: String) {
        let decision = Router(book: .demo).route(RouterTests.request(.toCao, "can-bo-tham-nhung", commune: RouterTests.bayHien,
                                                                     text: text))
        #expect(decision.conflictAvoided == "ubkt-bay-hien")
        #expect(decision.leadUnit == "dang-uy-bay-hien")
        #expect(decision.explanation.contains("không giao Ủy ban Kiểm tra Đảng ủy phường Bảy Hiền"))
    }

    @Test("a denunciation of a member of the ward's Đảng ủy goes past that committee's own inspection committee", arguments: [
        "Tố cáo bà Võ Thị Lan nhận tiền của dân",
        "To cao Dang uy phuong Bay Hien bao che sai pham",
    ])
    func conflictWithTheParentCommittee(text: String) {
        let decision = Router(book: .demo).route(RouterTests.request(.toCao, "can-bo-tham-nhung", commune: RouterTests.bayHien,
                                                                     text: text))
        #expect(decision.conflictAvoided == "ubkt-bay-hien")
        #expect(decision.leadUnit == "ubkt-thanh-uy-tphcm")
        // The ward's Front committee answers to the city's, which the text does not name: it stays.
        #expect(decision.coordinatingUnits == ["mttq-bay-hien"])
    }

    @Test("a denunciation of the ward's People's Committee is not transferred to it, but to the authority above")
    func conflictWithTheAuthority() {
        let decision = Router(book: .demo).route(RouterTests.request(.toCao, "dat-dai", commune: RouterTests.bayHien,
            text: "Tôi tố cáo UBND phường Bảy Hiền cố ý cấp phép xây dựng trái quy định"))
        #expect(decision.outcome == .transfer)
        #expect(decision.authority == "ubnd-tphcm" && decision.conflictAvoided == "ubnd-bay-hien")
    }

    @Test("a unit is disqualified by its own name, its people, or the committee it answers to; not by others")
    func disqualifier() {
        let conflicts = ConflictOfInterest(directory: RuleBook.demo.directory)
        #expect(conflicts.disqualifier(of: "ubkt-bay-hien", text: "ông Nguyễn Văn Tâm nhận tiền")?.id == "ubkt-bay-hien")
        #expect(conflicts.disqualifier(of: "ubkt-bay-hien", text: "bà Võ Thị Lan nhận tiền")?.id == "dang-uy-bay-hien")
        #expect(conflicts.disqualifier(of: "ubkt-hanh-thong", text: "bà Võ Thị Lan nhận tiền") == nil)
        #expect(conflicts.disqualifier(of: "ubkt-thanh-uy-tphcm", text: "bà Võ Thị Lan nhận tiền") == nil)
        // An authority given by hand, by its name or as the letter writes it.
        #expect(conflicts.disqualifier(ofAuthority: "Đảng ủy phường Bảy Hiền", text: "bà Võ Thị Lan nhận tiền") == "Đảng ủy phường Bảy Hiền")
        #expect(conflicts.disqualifier(ofAuthority: "Công ty Môi trường Xanh", text: "Công ty Môi trường Xanh đổ trộm rác") != nil)
        #expect(conflicts.disqualifier(ofAuthority: "UBND phường Hạnh Thông", text: "bà Võ Thị Lan nhận tiền") == nil)
    }

    @Test("every possible grievance gets exactly one well-formed outcome")
    func everyGrievanceGetsOneOutcome() {
        var random = SplitMix64(seed: 2026)
        let book = RuleBook.demo
        let router = Router(book: book)
        let topics = Array(book.topics.keys).sorted() + ["chu-de-la"]
        let places: [(String?, String?)] = [(nil, nil), ("79", "26983"), ("79", "26890"), ("79", nil), ("1", "4"), ("79", "99999")]
        let areas: [String?] = [nil, "Khu phố 1", "kp 3", "KP4", "Khu phố 9", "Ấp 2"]
        let texts = ["Đường hỏng", "Tố cáo ông Phạm Minh Đức", "bao luc gia dinh", "Chi bộ khu phố 1 làm sai", ""]
        for _ in 0..<20_000 {
            let place = places[Int(random.next() % UInt64(places.count))]
            let request = RoutingRequest(
                text: texts[Int(random.next() % UInt64(texts.count))],
                kind: random.next() % 6 == 0 ? nil : Kind.allCases[Int(random.next() % 5)],
                topic: random.next() % 8 == 0 ? nil : topics[Int(random.next() % UInt64(topics.count))],
                confidence: random.next() % 5 == 0 ? nil : Double(random.next() % 101) / 100,
                province: place.0, commune: place.1, residential: areas[Int(random.next() % UInt64(areas.count))],
                channel: Channel.allCases[Int(random.next() % UInt64(Channel.allCases.count))],
                received: LocalDate(daysSinceEpoch: 20_000 + Int(random.next() % 1000)))
            let decision = router.route(request)
            let lead = decision.leadUnit.flatMap { book.directory[$0] }
            switch decision.outcome {
            case .unit:
                #expect(lead != nil && lead?.type.isExternalAuthority == false)
                #expect(decision.authority == nil)
            case .transfer:
                #expect(decision.authority.flatMap { book.directory[$0] }?.type.isExternalAuthority == true)
            case .triage:
                #expect(decision.leadUnit == book.settings.office)
            }
            #expect(decision.ruleID == Router.fallbackRuleID || book.rules.contains { $0.id == decision.ruleID })
            if request.kind == .toCao, let lead {
                #expect(!lead.members.contains { request.text.contains($0) }, "a denunciation went to a unit it names")
            }
        }
    }
}
