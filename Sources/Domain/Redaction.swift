internal import Foundation

/// What may be shown of a grievance to someone who may not know who sent it: a protected
/// submitter (a denouncer, Luật Tố cáo 2018 art. 47, or anyone who asked) is "(bảo mật)" in every
/// field that has a value, in what events recorded of them, and wherever their name, address,
/// phone or e-mail is quoted (their own letter, a reason, an explanation); a residential area
/// that only their address gives is hidden too. Every output that shows grievances goes through
/// this one function.
public enum Redaction {
    public static let hidden = "(bảo mật)"

    /// Event details that name or point at the submitter: the sender of a mail, a sheet's other
    /// columns, which may hold an ID number or a note about who brought the letter.
    public static func identifiesSubmitter(detail key: String) -> Bool {
        key == "from" || key.hasPrefix("column: ")
    }

    /// The grievance and its events as someone without the right to the identity may see them;
    /// unchanged when the submitter is not protected.
    public static func redacted(_ grievance: Grievance, events: [GrievanceEvent]?) -> (Grievance, [GrievanceEvent]?) {
        guard grievance.submitter.confidential else { return (grievance, events) }
        let secrets = Secrets(grievance.submitter, residential: grievance.place.residential, text: grievance.text)
        var shown = grievance
        let submitter = grievance.submitter
        shown.submitter = Submitter(name: submitter.name.map { _ in hidden }, address: submitter.address.map { _ in hidden },
                                    phone: submitter.phone.map { _ in hidden }, email: submitter.email.map { _ in hidden },
                                    confidential: true)
        shown.text = secrets.scrub(grievance.text)
        if secrets.residentialIsDerived { shown.place.residential = hidden }
        let shownEvents = events?.map { event in
            var event = event
            event.reason = event.reason.map(secrets.scrub)
            for (key, value) in event.details {
                event.details[key] = identifiesSubmitter(detail: key) ? hidden : secrets.scrub(value)
            }
            return event
        }
        return (shown, shownEvents)
    }

    /// `text` with the protected values it quotes replaced (for outputs that show a record before
    /// it is a grievance: an import's dry run).
    public static func scrub(_ text: String, protecting submitter: Submitter) -> String {
        Secrets(submitter, residential: nil, text: text).scrub(text)
    }

    /// The protected strings of one submitter, longest first so that a full address goes before
    /// the name inside it.
    private struct Secrets {
        var values: [String]
        var residentialIsDerived = false

        init(_ submitter: Submitter, residential: String?, text: String) {
            let given = [submitter.address, submitter.name, submitter.email, submitter.phone].compactMap { $0 }
            values = given.filter { $0.count >= 3 }
            // A residential area the address names and the letter does not came from the address.
            if let residential, let address = submitter.address, Secrets.contains(address, residential),
               !Secrets.contains(text, residential) {
                residentialIsDerived = true
                values.append(residential)
            }
            values.sort { $0.count > $1.count }
        }

        static func contains(_ text: String, _ part: String) -> Bool {
            text.range(of: part, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }

        func scrub(_ text: String) -> String {
            var result = text
            for value in values {
                result = result.replacingOccurrences(of: value, with: Redaction.hidden,
                                                     options: [.caseInsensitive, .diacriticInsensitive])
            }
            return result
        }
    }
}
