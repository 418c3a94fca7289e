import Foundation
import Domain
import Routing

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "route",
        abstract: "Route grievances without storing them: JSON lines in, one decision per line out.",
        discussion: """
            Input lines: {"id", "text", and optionally "topic", "kind", "confidence", "province", \
            "commune", "residential", "channel", "received" (YYYY-MM-DD), "office"}. Output: {"id", \
            "outcome": "unit"|"transfer"|"triage", "lead_unit", "coordinating_units", "authority", \
            "rule", "rules_version", "due_accept", "due_resolve", "matched", "conflict_avoided", \
            "escalation", "explanation"}. A bad line is reported on stderr as stdin:N and the others go on.
            While it runs, SIGHUP or a change to the rules files reloads them; a bad edit keeps the \
            rules in force and says why on stderr. Each decision is written as soon as it is made.
            """,
        arguments: [.rulesDirectory,
                    .option("reload-interval", value: "SECONDS", help: "how often to look for changed rules files; 0: only on SIGHUP",
                            default: "2")],
        examples: [#"echo '{"id":"1","text":"Khiếu nại quyết định thu hồi đất","kind":"khieu-nai","province":"79","commune":"26983"}' | danvan route"#])

    let rulesDirectory: String
    let reloadInterval: Int

    init(_ arguments: ParsedArguments) throws {
        rulesDirectory = try arguments.required("rules")
        reloadInterval = try arguments.integer("reload-interval", range: 0...3600)!
    }

    func run() throws {
        let router = try ReloadingRouter(directory: rulesDirectory)
        let watcher = RulesWatcher(router: router, interval: Double(reloadInterval)) { StandardStreams.printError($0) }
        defer { watcher.cancel() }
        let today = LocalDate(Date())
        try LineInput.forEach(argument: nil, field: "line") { line, _ in
            guard !line.allSatisfy(\.isWhitespace) else { return }
            let (id, request) = try RouteCommand.request(from: line, today: today)
            try JSONLines.print(DecisionJSON(id: id, decision: router.current.route(request)))
            // A caller may be waiting for this answer before it sends the next line.
            StandardStreams.flush()
        }
    }

    static func request(from line: String, today: LocalDate) throws -> (String, RoutingRequest) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw FieldError(field: "line", message: "is not a JSON object")
        }
        func string(_ key: String) throws(FieldError) -> String? {
            guard let value = object[key], !(value is NSNull) else { return nil }
            guard let text = value as? String else { throw FieldError(field: key, message: "must be a string") }
            return text.isEmpty ? nil : text
        }
        let id = try string("id") ?? ""
        guard let text = try string("text") else { throw FieldError(field: "text", message: "is missing or empty") }
        var request = RoutingRequest(text: text, received: today)
        if let kind = try string("kind") {
            guard let value = Kind(code: kind) else { throw FieldError(field: "kind", message: "unknown kind '\(kind)'; accepted: \(Kind.allCodes)") }
            request.kind = value
        }
        if let channel = try string("channel") {
            guard let value = Channel(rawValue: channel) else {
                throw FieldError(field: "channel", message: "unknown channel '\(channel)'; accepted: \(Channel.allCodes)")
            }
            request.channel = value
        }
        if let received = try string("received") {
            guard let value = LocalDate(iso: String(received.prefix(10))) else {
                throw FieldError(field: "received", message: "'\(received)' is not a date like 2026-11-23")
            }
            request.received = value
        }
        if let confidence = object["confidence"] {
            guard let value = confidence as? Double, (0...1).contains(value) else {
                throw FieldError(field: "confidence", message: "must be a number from 0 to 1")
            }
            request.confidence = value
        }
        request.topic = try string("topic")
        request.province = try string("province")
        request.commune = try string("commune")
        request.residential = try string("residential")
        request.office = try string("office")
        return (id, request)
    }
}
