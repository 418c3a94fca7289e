public import Foundation
public import Domain
internal import Storage
internal import Routing
internal import Secrets

extension Casework {
    /// Registers a petition (routed when `routing` is given) for the principal's office.
    public func register(_ draft: GrievanceDraft, routing: RoutingAssignment?, receivedDetails: [String: String],
                         as principal: Principal, at instant: Date) throws -> Grievance {
        try require(access.canRegister(as: principal), "ghi nhận đơn", principal)
        var draft = draft
        if draft.office == nil { draft.office = principal.unit }
        let grievance = try GrievanceStore(database: database).add(
            draft, newCode: Casework.newTrackingCode, routing: routing, at: instant, clock: book.map(RuleBookClock.init),
            receivedDetails: receivedDetails)
        return redacted(grievance, events: nil).0
    }

    /// Moves a grievance the principal may act on. A tố cáo never goes to a unit it names (by name,
    /// alias, member or the committee the unit answers to) unless the request says why.
    public func transition(_ code: TrackingCode, _ request: TransitionRequest, as principal: Principal,
                           at instant: Date) throws -> Grievance {
        try request.checkFieldsUsed()
        let store = GrievanceStore(database: database)
        // Visibility first, of the grievance and of a merge target: the store's own checks answer
        // differently for a target that is merged, which would tell of one the principal may not see.
        guard let (current, _) = try store.find(code), access.canSee(current, as: principal) else { throw StoreError.notFound(code) }
        if let target = request.mergedInto, request.to == .merged {
            guard let (merged, _) = try store.find(target), access.canSee(merged, as: principal) else {
                throw StoreError.mergeTargetMissing(target)
            }
        }
        // A unit the directory does not know would drop the grievance out of every unit's inbox.
        if let book {
            for (field, unit) in [("unit", request.unit)] + request.coordinatingUnits.map({ ("coordinating", Optional($0)) }) {
                guard let unit, book.directory[unit] == nil else { continue }
                throw FieldError(field: field, message: "không có đơn vị '\(unit)' trong danh bạ đơn vị (routing-rules/units/)")
            }
        }
        let conflicts = book.map { ConflictOfInterest(directory: $0.directory) }
        let (grievance, _) = try store.transition(code, request, at: instant, actor: principal.login,
                                                  clock: book.map(RuleBookClock.init)) { current in
            try checkAct(on: current, as: principal)
            if let target = request.mergedInto, request.to == .merged {
                // A merge target the principal cannot see is as unknown to them as to anyone.
                guard let (merged, _) = try store.find(target), access.canSee(merged, as: principal) else {
                    throw StoreError.mergeTargetMissing(target)
                }
            }
            guard current.kind == .toCao, request.overrideConflict == nil, let conflicts else { return }
            if let authority = request.authority, let named = conflicts.disqualifier(ofAuthority: authority, text: current.text) {
                throw FieldError(field: "authority", message: "đơn tố cáo \(current.trackingCode) nêu tên \(named): không chuyển cho "
                    + "'\(authority)' vì xung đột lợi ích (Luật Tố cáo 2018); nếu vẫn chuyển, thêm --override-conflict \"lý do\"")
            }
            for (field, unit) in [("unit", request.unit)] + request.coordinatingUnits.map({ ("coordinating", Optional($0)) }) {
                guard let unit, let named = conflicts.disqualifier(of: unit, text: current.text) else { continue }
                let who = named.id == unit ? "nêu tên đơn vị này hoặc người của đơn vị" : "nêu tên \(named.name), nơi đơn vị này trực thuộc"
                throw FieldError(field: field, message: "đơn tố cáo \(current.trackingCode) \(who): '\(unit)' không được giải quyết "
                    + "vì xung đột lợi ích (Luật Tố cáo 2018); nếu vẫn giao, thêm --override-conflict \"lý do\"")
            }
        }
        return redacted(grievance, events: nil).0
    }

    /// Extends the resolution deadline within the policy that counts it (how long, how many times).
    public func extend(_ code: TrackingCode, days: Int, reason: String, as principal: Principal, at instant: Date) throws -> Grievance {
        guard let book else { throw FieldError(field: "rules", message: "cần thư mục quy tắc để tính thời hạn gia hạn") }
        let (grievance, _) = try GrievanceStore(database: database).mutate(code, at: instant) { current, events in
            try checkAct(on: current, as: principal)
            guard let due = current.deadlines.resolve else {
                throw FieldError(field: "code", message: "đơn \(code) chưa có hạn giải quyết để gia hạn")
            }
            guard Grievance.extendable.contains(current.status) else { throw TransitionError.extensionBeforeAcceptance(current.status) }
            // The policy whose resolution limit runs, also for a grievance routed to triage or transferred.
            guard let policy = RuleBookClock(book: book).resolutionPolicy(for: current), let limit = policy.extend else {
                throw FieldError(field: "days", message: "chính sách thời hạn của đơn \(code) không cho phép gia hạn")
            }
            let used = events.filter { $0.type == .extended }.count
            guard used < policy.extensions else {
                throw FieldError(field: "days", message: "đơn \(code) đã gia hạn \(used)/\(policy.extensions) lần, đủ số lần "
                                 + "chính sách thời hạn '\(policy.id)' cho phép (\(policy.source))")
            }
            guard days <= limit.days else {
                throw FieldError(field: "days", message: "mỗi lần gia hạn tối đa \(limit) theo chính sách thời hạn '\(policy.id)' (\(policy.source))")
            }
            let newDue = book.calendar.due(from: due, days: days, working: limit.working)
            return try current.extended(to: newDue, days: days, reason: reason, at: instant, actor: principal.login,
                                        sequence: (events.last?.sequence ?? 0) + 1)
        }
        return redacted(grievance, events: nil).0
    }

    /// Corrects the topic and/or kind; `reroute` may send it where the rules now would.
    public func correct(_ code: TrackingCode, topic: String?, kind: Kind?, reroute: ((Grievance) throws -> RoutingAssignment?)?,
                        as principal: Principal, at instant: Date) throws -> Grievance {
        let grievance = try CorrectionStore(database: database).correct(code, topic: topic, kind: kind, at: instant,
                                                                        actor: principal.login, reroute: reroute) { current in
            try checkAct(on: current, as: principal)
        }
        return redacted(grievance, events: nil).0
    }

    /// Unknown to those who may not see it; refused, naming the role, to those who see but may not act.
    func checkAct(on grievance: Grievance, as principal: Principal) throws {
        guard access.canSee(grievance, as: principal) else { throw StoreError.notFound(grievance.trackingCode) }
        try require(access.canAct(on: grievance, as: principal),
                    "xử lý đơn \(grievance.trackingCode) (vai trò \(principal.role.vietnameseName))", principal)
    }

    static func newTrackingCode() -> TrackingCode {
        var random = SecureRandom()
        return TrackingCode.random(using: &random)
    }
}
