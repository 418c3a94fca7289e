public import Domain
public import Intake
public import Classifier

/// Which records an import would store with their sender protected, so that a dry run shows
/// them as every other output does: the sheet marks them tố cáo or confidential, or the
/// classifier reads an unmarked one as a tố cáo (as the import itself would).
public enum ImportProtection {
    public static func isProtected(_ record: IntakeRecord, classifier: TopicClassifier) -> Bool {
        if record.submitter.confidential || record.kind == .toCao { return true }
        return record.kind == nil && classifier.classify(record.text, explain: false).kind == Kind.toCao.rawValue
    }

    /// Showing protected senders in a dry run is an admin's, as anywhere else.
    public static func checkReveal(as principal: Principal) throws {
        guard AccessPolicy(directory: nil).canSeeIdentity(as: principal, granted: false) else {
            throw CaseworkError.notAllowed(action: "xem danh tính người tố cáo khi chạy thử", login: principal.login)
        }
    }
}
