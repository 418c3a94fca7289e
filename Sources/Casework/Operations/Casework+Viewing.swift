public import Foundation
public import Domain
public import Storage

extension Casework {
    /// One grievance with its history as `principal` may see it (a protected submitter redacted);
    /// the view is written to the audit log in the same transaction as the read.
    public func show(_ code: TrackingCode, as principal: Principal, at instant: Date) throws -> (Grievance, [GrievanceEvent]) {
        if let viewAudit {
            // One snapshot for the grievance and its history; the line is written with the next batch.
            let (grievance, events) = try database.read { try visible(code, as: principal, in: $0) }
            viewAudit.append(AuditEntry(at: instant, login: principal.login, action: "view", trackingCode: code.value))
            let (shown, shownEvents) = redacted(grievance, events: events)
            return (shown, shownEvents ?? [])
        }
        return try database.write { connection in
            let (grievance, events) = try visible(code, as: principal, in: connection)
            try AccountStore.record(AuditEntry(at: instant, login: principal.login, action: "view", trackingCode: code.value),
                                    in: connection)
            let (shown, shownEvents) = redacted(grievance, events: events)
            return (shown, shownEvents ?? [])
        }
    }

    /// A protected submitter's identity, for an admin or someone an admin granted it for this
    /// grievance: the look is an `identity-revealed` event in the history and an audit line,
    /// written before anything is shown.
    public func revealIdentity(_ code: TrackingCode, reason: String?, as principal: Principal,
                               at instant: Date) throws -> (Grievance, [GrievanceEvent]) {
        try database.write { connection in
            let (grievance, events) = try visible(code, as: principal, in: connection)
            guard grievance.submitter.confidential else {
                try AccountStore.record(AuditEntry(at: instant, login: principal.login, action: "view", trackingCode: code.value),
                                        in: connection)
                return (grievance, events)
            }
            let granted = try AccountStore.hasIdentityGrant(code, login: principal.login, in: connection)
            try require(access.canSeeIdentity(as: principal, granted: granted), "xem danh tính người tố cáo của đơn \(code)",
                        principal)
            let event = GrievanceEvent(sequence: (events.last?.sequence ?? 0) + 1, at: instant, type: .identityRevealed,
                                       actor: principal.login, reason: reason)
            let stored = try GrievanceStore.save(grievance, event: event, previous: grievance, in: connection, at: instant)
            try AccountStore.record(AuditEntry(at: instant, login: principal.login, action: "reveal-identity",
                                               trackingCode: code.value, detail: reason), in: connection)
            return (grievance, events + [stored])
        }
    }

    /// The grievances `principal` may see that match `filter`, newest first, redacted; one audit
    /// line records the list.
    public func list(_ filter: GrievanceFilter, as principal: Principal, at instant: Date) throws -> [Grievance] {
        var scoped = filter
        // Only who may see every protected identity may search the letters that carry one.
        scoped.textSearchSkipsProtected = !access.canSeeIdentity(as: principal, granted: false)
        switch principal.role {
        case .admin, .supervisor: break
        case .registrar: scoped.office = principal.unit ?? ""
        case .member, .head: scoped.visibleToUnits = access.units(of: principal) ?? []
        }
        let entry = { (count: Int) in AuditEntry(at: instant, login: principal.login, action: "list", detail: "\(count) đơn") }
        if let viewAudit {
            let found = try database.read { try GrievanceStore.list(scoped, in: $0) }
            viewAudit.append(entry(found.count))
            return found.map { redacted($0, events: nil).0 }
        }
        let found = try database.write { connection in
            let found = try GrievanceStore.list(scoped, in: connection)
            try AccountStore.record(entry(found.count), in: connection)
            return found
        }
        return found.map { redacted($0, events: nil).0 }
    }

    /// `list`, each grievance with when it last changed (`GrievanceStore.lastChanges`), for
    /// feeds that report updates (Open311's updated_datetime).
    public func listWithChanges(_ filter: GrievanceFilter, as principal: Principal,
                                at instant: Date) throws -> [(grievance: Grievance, changedAt: Date)] {
        let found = try list(filter, as: principal, at: instant)
        let changes = try database.read { try GrievanceStore.lastChanges(of: found.map(\.trackingCode), in: $0) }
        return found.map { ($0, changes[$0.trackingCode] ?? $0.receivedAt) }
    }
}
