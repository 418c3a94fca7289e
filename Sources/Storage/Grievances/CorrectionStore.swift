public import Foundation
public import Domain

/// Staff corrections of a grievance's topic or kind. Each one changes the grievance, appends a
/// "corrected" event and keeps the text with the new labels, in one transaction; `danvan model
/// train` learns from them.
public struct CorrectionStore: Sendable {
    public struct Correction: Sendable, Equatable {
        public var id: Int
        public var text: String
        public var topic: String?
        public var kind: Kind
    }

    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Corrects the topic and/or kind. `reroute` sees the corrected grievance and may return where
    /// the rules now send it; the move is recorded as a second event in the same transaction.
    @discardableResult
    /// `allowed` sees the grievance as stored, in the same transaction, and throws to refuse.
    public func correct(_ code: TrackingCode, topic: String?, kind: Kind?, at instant: Date, actor: String?,
                        reroute: ((Grievance) throws -> RoutingAssignment?)? = nil,
                        allowed: (Grievance) throws -> Void = { _ in }) throws -> Grievance {
        try database.write { connection in
            guard let (current, events) = try GrievanceStore.load(code, in: connection),
                  let id = try connection.queryOne("SELECT id FROM grievances WHERE tracking_code = ?", [.text(code.value)])?.int("id")
            else { throw StoreError.notFound(code) }
            try allowed(current)
            var next = current
            if let topic { next.topic = topic }
            if let kind {
                if kind.requiresNamedSubmitter && current.submitter.isAnonymous {
                    throw FieldError(field: "kind", message: "không thể đổi thành tố cáo (to-cao): đơn không có họ tên người gửi, "
                        + "pháp luật không thụ lý tố cáo nặc danh (Luật Tố cáo 2018)")
                }
                next.kind = kind
                // The denouncer's identity is confidential by law from then on, even if the kind changes again.
                if kind == .toCao { next.submitter.confidential = true }
            }
            var details: [String: String] = [:]
            if next.topic != current.topic {
                details["old_topic"] = current.topic ?? ""
                details["topic"] = next.topic ?? ""
            }
            if next.kind != current.kind {
                details["old_kind"] = current.kind.rawValue
                details["kind"] = next.kind.rawValue
            }
            guard !details.isEmpty else { return current }
            let event = GrievanceEvent(sequence: (events.last?.sequence ?? 0) + 1, at: instant, type: .corrected, actor: actor,
                                       details: details)
            try GrievanceStore.save(next, event: event, previous: current, in: connection, at: instant)
            if let assignment = try reroute?(next) {
                let corrected = next
                let (moved, routedEvent) = try corrected.routed(assignment, at: instant, sequence: event.sequence + 1)
                try GrievanceStore.save(moved, event: routedEvent, previous: corrected, in: connection, at: instant)
                next = moved
            }
            try connection.run("""
                INSERT INTO classification_corrections (grievance_id, text, old_topic, new_topic, old_kind, new_kind, at, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(Int64(id)), .text(next.text), SQLValue(current.topic), SQLValue(next.topic),
                      .text(current.kind.rawValue), .text(next.kind.rawValue), .text(Timestamp.format(instant)), SQLValue(actor)])
            return next
        }
    }

    /// The latest correction of each grievance, oldest first.
    public func all() throws -> [Correction] {
        try database.read { connection in
            try connection.query("""
                SELECT c.id, c.text, c.new_topic, c.new_kind FROM classification_corrections c
                WHERE c.id = (SELECT max(id) FROM classification_corrections d WHERE d.grievance_id = c.grievance_id)
                ORDER BY c.id
                """).compactMap { row in
                guard let id = row.int("id"), let kind = row.string("new_kind").flatMap(Kind.init(rawValue:)) else { return nil }
                return Correction(id: id, text: row.string("text") ?? "", topic: row.string("new_topic"), kind: kind)
            }
        }
    }
}
