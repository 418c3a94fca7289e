import Domain
import Routing

struct BenchRouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "route",
        abstract: "Route many generated drafts through the rules on one thread; print decisions/s.",
        discussion: """
            The drafts are made first (kinds, topics, confidences, the demo wards and khu phố, other \
            provinces, missing places, member reports, denunciations naming people); only routing is timed.
            """,
        arguments: [.option("count", value: "N", help: "drafts to route", default: "1000000"),
                    .flag("explain", help: "also render each decision's Vietnamese sentence"), .rulesDirectory],
        examples: ["danvan bench route --count 1000000"])

    let count: Int
    let explain: Bool
    let rulesDirectory: String

    init(_ arguments: ParsedArguments) throws {
        count = try arguments.integer("count", range: 1...50_000_000)!
        explain = arguments.flag("explain")
        rulesDirectory = try arguments.required("rules")
    }

    func run() throws {
        let book = try RuleBookLoader.load(directory: rulesDirectory)
        let router = Router(book: book)
        let topics = book.topics.keys.sorted()
        let places: [(String?, String?)] = [("79", "26983"), ("79", "26890"), ("79", "26983"), ("79", "26890"), ("79", nil),
                                            (nil, nil), ("1", "4")]
        let areas: [String?] = [nil, "Khu phố 1", "KP 2", "khu pho 3", "Khu phố 4"]
        let texts = BenchStoreCommand.sampleTexts + ["Tố cáo ông Nguyễn Văn Tâm nhận tiền", "Bạo lực gia đình ở khu phố"]
        let start0 = LocalDate(iso: "2026-01-05")!
        var drafts: [RoutingRequest] = []
        drafts.reserveCapacity(count)
        for i in 0..<count {
            let place = places[i % places.count]
            drafts.append(RoutingRequest(
                text: texts[i % texts.count], kind: Kind.allCases[(i / 3) % Kind.allCases.count],
                topic: topics[(i / 7) % topics.count], confidence: 0.3 + Double((i * 37) % 71) / 100,
                province: place.0, commune: place.1, residential: areas[(i / 11) % areas.count],
                channel: Channel.allCases[(i / 13) % Channel.allCases.count], received: start0.adding(days: i % 700)))
        }
        var outcomes: [RoutingDecision.Outcome: Int] = [:]
        let start = ResourceUsage.now
        var characters = 0
        for draft in drafts {
            let decision = router.route(draft)
            outcomes[decision.outcome, default: 0] += 1
            if explain { characters += decision.explanation.utf8.count }
        }
        let seconds = ResourceUsage.now - start
        try JSONLines.print([
            "benchmark": .string(explain ? "route+explain" : "route"), "explanation_bytes": .int(characters), "decisions": .int(count), "rules": .int(book.rules.count),
            "units": .int(book.directory.ordered.count), "seconds": .double((seconds * 1000).rounded() / 1000),
            "decisions_per_second": .int(Int(Double(count) / seconds)),
            "unit": .int(outcomes[.unit] ?? 0), "transfer": .int(outcomes[.transfer] ?? 0), "triage": .int(outcomes[.triage] ?? 0),
            "peak_rss_mib": .double((ResourceUsage.peakResidentMiB * 10).rounded() / 10),
        ] as [String: JSONScalar])
    }
}
