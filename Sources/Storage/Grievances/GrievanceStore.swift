public import Foundation
public import Domain

/// Grievances and their histories in the database. Every change writes the new state and its
/// event in the same transaction.
public struct GrievanceStore: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Stores a new grievance with its "received" event and, when given, its routing (status,
    /// units, deadlines and the event that explains them), all in one transaction. Draws another
    /// tracking code in the (one in a quadrillion) case the first is already taken.
    /// - Parameters:
    ///   - clock: without routing, gives the acceptance deadline the law sets from receipt.
    ///   - receivedDetails: added to the "received" event (what intake changed in the letter).
    public func add(_ draft: GrievanceDraft, newCode: () -> TrackingCode, routing: RoutingAssignment? = nil,
                    at instant: Date? = nil, clock: (any DeadlineClock)? = nil,
                    receivedDetails: [String: String] = [:]) throws -> Grievance {
        try draft.validate()
        // Registrations come many at a time through the API: one commit for those waiting together.
        // The body has run (on this thread or the batch's leader) before `writeGrouped` returns.
        return try withoutActuallyEscaping(newCode) { newCode in
            try database.writeGrouped { connection in
                let grievance = try GrievanceStore.insertNew(draft, newCode: newCode, clock: routing == nil ? clock : nil,
                                                             receivedDetails: receivedDetails, in: connection)
                guard let routing else { return grievance }
                let (routed, event) = try grievance.routed(routing, at: instant ?? draft.receivedAt, sequence: 2)
                _ = try GrievanceStore.save(routed, event: event, previous: grievance, in: connection)
                return routed
            }
        }
    }

    /// Changes a grievance through `body`, which sees it with its history and returns the new
    /// state and the event recording the change; both are written in one transaction.
    @discardableResult
    public func mutate(_ code: TrackingCode, at instant: Date, _ check: (Connection) throws -> Void = { _ in },
                       _ body: (Grievance, [GrievanceEvent]) throws -> (Grievance, GrievanceEvent)) throws -> (grievance: Grievance, event: GrievanceEvent) {
        try database.write { connection in
            // Checks of other rows (a merge target exists) run in the same transaction as the change.
            try check(connection)
            guard let (current, events) = try GrievanceStore.load(code, in: connection) else { throw StoreError.notFound(code) }
            let (next, event) = try body(current, events)
            return (next, try GrievanceStore.save(next, event: event, previous: current, in: connection, at: instant))
        }
    }

    /// Writes the changed row, its coordinating units if they changed, and the event, numbered
    /// here: the store, not the caller, gives each event the next number of its grievance's history
    /// (inside the write transaction, so two writers cannot take the same one). Returns the event
    /// as stored.
    @discardableResult
    public static func save(_ next: Grievance, event: GrievanceEvent, previous: Grievance, in connection: Connection,
                     at instant: Date? = nil) throws -> GrievanceEvent {
        let code = next.trackingCode
        try connection.run(Grievance.updateSQL, next.mutableColumnValues(updatedAt: instant ?? event.at) + [.text(code.value)])
        guard let id = try connection.queryOne("SELECT id FROM grievances WHERE tracking_code = ?",
                                               [.text(code.value)])?.int("id") else { throw StoreError.notFound(code) }
        if next.coordinatingUnits != previous.coordinatingUnits {
            try connection.run("DELETE FROM grievance_coordinating_units WHERE grievance_id = ?", [.integer(Int64(id))])
            for unit in next.coordinatingUnits {
                try connection.run("INSERT INTO grievance_coordinating_units (grievance_id, unit) VALUES (?, ?)",
                                   [.integer(Int64(id)), .text(unit)])
            }
        }
        var event = event
        event.sequence = try connection.queryOne(
            "SELECT coalesce(max(sequence), 0) + 1 AS next FROM grievance_events WHERE grievance_id = ?",
            [.integer(Int64(id))])?.int("next") ?? 1
        try connection.run(GrievanceEvent.insertSQL, event.columnValues(grievanceID: Int64(id)))
        return event
    }

    /// Inserts inside a caller's transaction (batch imports, benchmarks).
    /// - Parameter clock: when given, sets the acceptance deadline the law counts from receipt.
    public static func insertNew(_ draft: GrievanceDraft, newCode: () -> TrackingCode, clock: (any DeadlineClock)? = nil,
                                 receivedDetails: [String: String] = [:], in connection: Connection) throws -> Grievance {
        var attempt = 0
        while true {
            var grievance = Grievance(trackingCode: newCode(), draft: draft)
            var received = grievance.receivedEvent
            received.details.merge(receivedDetails) { old, _ in old }
            if let acceptDue = clock?.acceptDue(for: grievance, receivedOn: LocalDate(draft.receivedAt)) {
                grievance.deadlines.accept = acceptDue
                received.details["due_accept"] = acceptDue.iso
            }
            do {
                try insert(grievance, events: [received], in: connection)
                return grievance
            } catch let error as SQLiteError where error.isUniqueViolation && attempt < 8 {
                // Only the failed statement is undone; the transaction goes on with a new code.
                attempt += 1
            }
        }
    }

    /// Inserts a grievance and its events as they are.
    @discardableResult
    public static func insert(_ grievance: Grievance, events: [GrievanceEvent], in connection: Connection) throws -> Int64 {
        try connection.run(Grievance.insertSQL,
                           [.text(grievance.trackingCode.value)] + grievance.mutableColumnValues(updatedAt: grievance.receivedAt))
        let id = connection.lastInsertedRowID
        for unit in grievance.coordinatingUnits {
            try connection.run("INSERT INTO grievance_coordinating_units (grievance_id, unit) VALUES (?, ?)",
                               [.integer(id), .text(unit)])
        }
        for event in events {
            try connection.run(GrievanceEvent.insertSQL, event.columnValues(grievanceID: id))
        }
        return id
    }

    /// The grievance and its history, oldest event first; nil if the code is unknown.
    public func find(_ code: TrackingCode) throws -> (grievance: Grievance, events: [GrievanceEvent])? {
        try database.read { connection in try GrievanceStore.load(code, in: connection) }
    }

    public static func load(_ code: TrackingCode, in connection: Connection) throws -> (grievance: Grievance, events: [GrievanceEvent])? {
        guard let row = try connection.queryOne("SELECT * FROM grievances WHERE tracking_code = ?", [.text(code.value)]),
              let id = row.int("id") else { return nil }
        let units = try connection.query(
            "SELECT unit FROM grievance_coordinating_units WHERE grievance_id = ? ORDER BY unit", [.integer(Int64(id))])
            .compactMap { $0.string("unit") }
        let events = try connection.query(
            "SELECT * FROM grievance_events WHERE grievance_id = ? ORDER BY sequence", [.integer(Int64(id))])
            .map { row throws(StoreError) in try GrievanceEvent(row: row) }
        return (try Grievance(row: row, coordinatingUnits: units), events)
    }

    /// Grievances matching the filter, newest first.
    public func list(_ filter: GrievanceFilter = GrievanceFilter()) throws -> [Grievance] {
        try database.read { connection in try GrievanceStore.list(filter, in: connection) }
    }

    /// The same, inside a caller's transaction.
    public static func list(_ filter: GrievanceFilter, in connection: Connection) throws -> [Grievance] {
        // Fixed SQL with optional parameters: "? IS NULL OR ..." keeps one prepared statement.
        let rows = try connection.query("""
            SELECT * FROM grievances g
            WHERE (?1 IS NULL OR g.status = ?1)
              AND (?2 IS NULL OR g.lead_unit = ?2 OR EXISTS (
                    SELECT 1 FROM grievance_coordinating_units c WHERE c.grievance_id = g.id AND c.unit = ?2))
              AND (?4 IS NULL OR \(GrievanceStore.overdueCondition(day: "?4")))
              AND (?5 IS NULL OR g.lead_unit IN (SELECT value FROM json_each(?5)) OR EXISTS (
                    SELECT 1 FROM grievance_coordinating_units c
                    WHERE c.grievance_id = g.id AND c.unit IN (SELECT value FROM json_each(?5))))
              AND (?6 IS NULL OR g.office = ?6)
              AND (?7 IS NULL OR g.received_at < ?7 OR (g.received_at = ?7
                    AND g.id < (SELECT id FROM grievances WHERE tracking_code = ?8)))
              AND (?9 IS NULL OR (instr(g.text, ?9) > 0 AND (?14 = 0 OR g.confidential = 0)))
              AND (?10 IS NULL OR g.status IN (SELECT value FROM json_each(?10)))
              AND (?11 IS NULL OR g.topic IN (SELECT value FROM json_each(?11)))
              AND (?12 IS NULL OR g.received_at >= ?12)
              AND (?13 IS NULL OR g.received_at < ?13)
            ORDER BY g.received_at DESC, g.id DESC
            LIMIT ?3
            """, [SQLValue(filter.status?.rawValue), SQLValue(filter.unit), SQLValue(filter.limit),
                  SQLValue(filter.overdueOn?.iso), SQLValue(filter.visibleToUnits.map(GrievanceStore.jsonArray)),
                  SQLValue(filter.office), SQLValue(filter.after.map { Timestamp.format($0.receivedAt) }),
                  SQLValue(filter.after?.trackingCode.value), SQLValue(filter.textContains),
                  SQLValue(filter.statuses.map { GrievanceStore.jsonArray($0.map(\.rawValue)) }),
                  SQLValue(filter.topics.map(GrievanceStore.jsonArray)),
                  SQLValue(filter.receivedFrom.map(Timestamp.format)), SQLValue(filter.receivedBefore.map(Timestamp.format)),
                  SQLValue(filter.textSearchSkipsProtected)])
        return try rows.map { row in
            let units = try connection.query(
                "SELECT unit FROM grievance_coordinating_units WHERE grievance_id = ? ORDER BY unit",
                [row["id"]]).compactMap { $0.string("unit") }
            return try Grievance(row: row, coordinatingUnits: units)
        }
    }

    /// When each of these grievances last changed: its latest event that changes the matter
    /// (`EventType.changesTheMatter`; a look at a protected identity does not). Unknown codes are absent.
    public static func lastChanges(of codes: [TrackingCode], in connection: Connection) throws -> [TrackingCode: Date] {
        guard !codes.isEmpty else { return [:] }
        let quiet = EventType.allCases.filter { !$0.changesTheMatter }.map(\.rawValue)
        let rows = try connection.query("""
            SELECT g.tracking_code AS code, max(e.at) AS at FROM grievances g JOIN grievance_events e ON e.grievance_id = g.id
            WHERE g.tracking_code IN (SELECT value FROM json_each(?1)) AND e.type NOT IN (SELECT value FROM json_each(?2))
            GROUP BY g.id
            """, [.text(jsonArray(codes.map(\.value))), .text(jsonArray(quiet))])
        var changes: [TrackingCode: Date] = [:]
        for row in rows {
            guard let code = row.string("code").flatMap(TrackingCode.init(parsing:)), let at = row.string("at").flatMap(Timestamp.parse) else {
                throw StoreError.corruptRow(table: "grievance_events", id: 0, field: "at")
            }
            changes[code] = at
        }
        return changes
    }

    /// Applies a status change and appends its event, in one transaction.
    /// Moves a grievance to another status; `clock` counts its deadlines (see `Grievance.applying`).
    /// `allowed` sees the grievance as stored, in the same transaction, and throws to refuse.
    public func transition(_ code: TrackingCode, _ request: TransitionRequest, at instant: Date,
                           actor: String?, clock: (any DeadlineClock)? = nil,
                           allowed: (Grievance) throws -> Void = { _ in }) throws -> (grievance: Grievance, event: GrievanceEvent) {
        try mutate(code, at: instant, { connection in
            if let target = request.mergedInto, request.to == .merged {
                guard let (merged, _) = try GrievanceStore.load(target, in: connection) else {
                    throw StoreError.mergeTargetMissing(target)
                }
                guard merged.status != .merged else { throw StoreError.mergeTargetMerged(target, into: merged.mergedInto) }
            }
        }) { current, events in
            try allowed(current)
            return try current.applying(request, at: instant, actor: actor, sequence: (events.last?.sequence ?? 0) + 1, clock: clock)
        }
    }

    /// `Overdue.running` as SQL over the grievances table `g`; dates are ISO text, so they compare as strings.
    static let overdueSQL: String = {
        let clauses = Overdue.running.map { entry in
            let statuses = entry.statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let late = entry.deadlines.map { "g.due_\($0.rawValue) < :day" }.joined(separator: " OR ")
            return "(g.status IN (\(statuses)) AND (\(late)))"
        }
        return "(g.paused_since IS NULL AND (" + clauses.joined(separator: " OR ") + "))"
    }()

    static func overdueCondition(day parameter: String) -> String {
        overdueSQL.replacingOccurrences(of: ":day", with: parameter)
    }

    /// Unit ids as a JSON array for `json_each` (ids are plain text; quotes and backslashes escaped).
    static func jsonArray(_ values: [String]) -> String {
        "[" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "]"
    }

    public func count() throws -> Int {
        try database.read { try $0.queryOne("SELECT count(*) AS n FROM grievances")?.int("n") ?? 0 }
    }
}
