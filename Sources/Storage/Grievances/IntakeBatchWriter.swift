public import Domain

/// Writes an import's batch inside one transaction: new grievances and the keys of what was
/// taken in. Holds its statements for the whole batch instead of looking them up per row.
public struct IntakeBatchWriter {
    private let connection: Connection
    private let insertGrievance: Statement
    private let insertEvent: Statement
    private let insertUnit: Statement
    private let insertKey: Statement
    private let findKey: Statement

    public init(_ connection: Connection) throws {
        self.connection = connection
        insertGrievance = try connection.statement(Grievance.insertSQL)
        insertEvent = try connection.statement(GrievanceEvent.insertSQL)
        insertUnit = try connection.statement("INSERT INTO grievance_coordinating_units (grievance_id, unit) VALUES (?, ?)")
        insertKey = try connection.statement(IntakeLedger.insertKeySQL)
        findKey = try connection.statement(IntakeLedger.findKeySQL)
    }

    /// The grievance a record with this key became, if it was taken in before.
    public func grievanceID(for key: IntakeKey) throws -> Int64? {
        try findKey.bind([.blob(key.bytes)])
        defer { findKey.reset() }
        return try findKey.step() ? findKey.integer(0) : nil
    }

    /// About how many grievances the database holds (the highest row id: grievances are never deleted).
    public func storedGrievances() throws -> Int {
        try connection.queryOne("SELECT coalesce(max(id), 0) AS n FROM grievances")?.int("n") ?? 0
    }

    /// Records that the record with `key` became `grievanceID`.
    public func recordKey(_ key: IntakeKey, grievanceID: Int64) throws {
        try insertKey.run([.blob(key.bytes), .integer(grievanceID)])
    }

    /// Inserts the grievance and its events; returns its row id and the tracking code it got:
    /// another one from `newCode` in the (one in a quadrillion) case the prepared one is taken.
    public func insert(_ rows: NewGrievanceRows, newCode: () -> TrackingCode) throws -> (id: Int64, code: TrackingCode) {
        var code = rows.grievance.trackingCode
        var attempt = 0
        while true {
            do {
                try insertGrievance.run(first: .text(code.value), rows.columns)
                break
            } catch {
                guard error.isUniqueViolation, attempt < 8 else { throw error }
                // Only the failed statement is undone; the transaction goes on with a new code.
                attempt += 1
                code = newCode()
            }
        }
        let id = connection.lastInsertedRowID
        for unit in rows.grievance.coordinatingUnits {
            try insertUnit.run([.integer(id), .text(unit)])
        }
        for event in rows.events {
            try insertEvent.run(first: .integer(id), event)
        }
        return (id, code)
    }
}
