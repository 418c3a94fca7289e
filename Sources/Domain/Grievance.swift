public import Foundation

/// A citizen's grievance: what was said, by whom, about where, who must act and by when.
/// A value: changes happen by `applying(_:at:actor:)`, which also yields the event to append.
public struct Grievance: Sendable, Equatable {
    public var trackingCode: TrackingCode
    public var kind: Kind
    public var channel: Channel
    public var status: Status
    /// The text as received, in NFC.
    public var text: String
    public var submitter: Submitter
    public var receivedAt: Date
    public var place: Place
    /// The unit that registered it.
    public var office: String?
    /// A topic code from the taxonomy in routing-rules/ ("dat-dai"), nil until classified.
    public var topic: String?
    public var leadUnit: String?
    public var coordinatingUnits: [String]
    /// The external authority a matter was transferred to.
    public var authority: String?
    public var deadlines: Deadlines
    public var mergedInto: TrackingCode?
    /// The rule that placed it, when routing has run.
    public var routing: RoutingRecord?

    public init(trackingCode: TrackingCode, draft: GrievanceDraft) {
        self.trackingCode = trackingCode
        kind = draft.kind
        channel = draft.channel
        status = .received
        text = draft.text
        submitter = draft.submitter
        // tố cáo: the denouncer's identity is confidential by law, whatever the form said.
        if draft.kind == .toCao { submitter.confidential = true }
        receivedAt = draft.receivedAt
        place = draft.place
        office = draft.office
        topic = nil
        leadUnit = nil
        coordinatingUnits = []
        authority = nil
        deadlines = Deadlines()
        mergedInto = nil
        routing = nil
    }

    /// The first event of every grievance.
    public var receivedEvent: GrievanceEvent {
        GrievanceEvent(sequence: 1, at: receivedAt, type: .received, toStatus: .received,
                       details: ["channel": channel.rawValue, "kind": kind.rawValue])
    }

    /// Moves the grievance to a new status, or explains why it cannot.
    ///
    /// - Parameters:
    ///   - sequence: the event's number in this grievance's history (the store knows it).
    ///   - clock: counts the deadlines by the rules and the working calendar. Without one (tests,
    ///     routing itself), acceptance keeps the resolution date set at routing and a paused clock
    ///     moves it by calendar days.
    /// - Returns: the changed grievance and the event recording the change.
    public func applying(_ request: TransitionRequest, at instant: Date, actor: String?, sequence: Int,
                         clock: (any DeadlineClock)? = nil) throws(TransitionError) -> (Grievance, GrievanceEvent)
    {
        let target = request.to
        guard Lifecycle.canMove(from: status, to: target) else {
            throw .notAllowed(from: status, to: target, allowed: Lifecycle.successors(of: status))
        }
        var next = self
        var details: [String: String] = [:]
        let today = LocalDate(instant)
        let reason = request.reason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }

        if status == .waitingForCitizen {
            let since = deadlines.pausedSince
            let days = next.deadlines.resume(on: today)
            if let clock, let since, let due = deadlines.resolve {
                next.deadlines.resolve = clock.resumed(due, for: self, pausedSince: since, until: today)
            }
            details["paused_days"] = String(days)
            if let due = next.deadlines.resolve { details["due_resolve"] = due.iso }
        }
        switch target {
        case .assigned:
            let unit = request.unit ?? (status == .transferred ? leadUnit : nil)
            guard let unit, !unit.isEmpty else {
                throw .missing(field: "unit", to: target, why: "cho biết đơn vị chủ trì theo dõi, giải quyết")
            }
            next.leadUnit = unit
            next.coordinatingUnits = request.coordinatingUnits
            details["lead_unit"] = unit
            if !request.coordinatingUnits.isEmpty {
                details["coordinating_units"] = request.coordinatingUnits.joined(separator: ",")
            }
            // Out of triage (or registered without routing) a grievance still needs the dates the
            // law gives it: acceptance from receipt, resolution from the latest acceptance day.
            if let clock {
                if next.deadlines.accept == nil, let due = clock.acceptDue(for: next, receivedOn: LocalDate(receivedAt)) {
                    next.deadlines.accept = due
                    details["due_accept"] = due.iso
                }
                if next.deadlines.resolve == nil,
                   let due = clock.resolveDue(for: next, acceptedOn: max(next.deadlines.accept ?? today, today)) {
                    next.deadlines.resolve = due
                    details["due_resolve"] = due.iso
                }
            }
        case .accepted:
            // The resolution period runs from the day of acceptance (Luật Khiếu nại 2011 điều 28,
            // Luật Tố cáo 2018 điều 30): routing could only count from the latest possible day.
            if let clock, let due = clock.resolveDue(for: next, acceptedOn: today) {
                next.deadlines.resolve = due
                details["due_resolve"] = due.iso
            }
        case .rejected:
            guard reason != nil else {
                throw .missing(field: "reason", to: target, why: "phải nêu lý do từ chối để thông báo cho công dân")
            }
        case .transferred:
            guard request.unit != nil || request.authority != nil else {
                throw .missing(field: "unit", to: target, why: "nêu đơn vị nhận hoặc cơ quan có thẩm quyền được chuyển đến")
            }
            if let unit = request.unit {
                next.leadUnit = unit
                details["unit"] = unit
            }
            if let authority = request.authority {
                next.authority = authority
                details["authority"] = authority
            }
            if let due = request.authorityDue {
                guard due >= LocalDate(receivedAt) else { throw .authorityDueBeforeReceipt(due, received: LocalDate(receivedAt)) }
                next.deadlines.authority = due
                details["authority_due"] = due.iso
            }
        case .merged:
            guard let into = request.mergedInto else {
                throw .missing(field: "into", to: target, why: "nêu mã của đơn bị trùng")
            }
            guard into != trackingCode else { throw .mergeIntoItself(into) }
            next.mergedInto = into
            details["merged_into"] = into.value
        case .waitingForCitizen:
            guard reason != nil else {
                throw .missing(field: "reason", to: target, why: "nêu những gì công dân cần bổ sung")
            }
            next.deadlines.pause(on: today)
        case .reopened:
            guard reason != nil else {
                throw .missing(field: "reason", to: target, why: "nêu lý do mở lại vụ việc")
            }
            next.mergedInto = nil
        default:
            break
        }
        if let override = request.overrideConflict { details["override_conflict"] = override }
        next.status = target
        let event = GrievanceEvent(sequence: sequence, at: instant, type: .statusChanged, fromStatus: status,
                                   toStatus: target, actor: actor, reason: reason, details: details)
        return (next, event)
    }
}
