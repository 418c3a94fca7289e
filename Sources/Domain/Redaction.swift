internal import Foundation

/// What may be shown of a grievance to someone who may not know who sent it: a protected
/// submitter (a denouncer, Luật Tố cáo 2018 art. 47, or anyone who asked) is "(bảo mật)" in every
/// field that has a value, in what events recorded of them, and wherever the letter or a record
/// quotes them: their name (with or without "ông", "bà" …), the house and street of their address,
/// their phone however it is written, any phone-like or ID-card-like number; the residential area
/// is hidden unless the letter itself names it (else it came from their address), and so are the
/// residential-level units that would point at it. Every output that shows grievances goes
/// through this one function.
public enum Redaction {
    public static let hidden = "(bảo mật)"

    /// Event details that name or point at the submitter (`EventDetail`): the sender of a mail, a
    /// sheet's other columns, which may hold an ID number, and any key not known to be harmless.
    public static func identifiesSubmitter(detail key: String) -> Bool {
        EventDetail.sensitivity(of: key) == .identifies
    }

    /// The grievance and its events as someone without the right to the identity may see them;
    /// unchanged when the submitter is not protected.
    /// - Parameter areaUnits: ids of units whose jurisdiction is a residential area; hidden in the
    ///   history when the residential area is.
    public static func redacted(_ grievance: Grievance, events: [GrievanceEvent]?,
                                areaUnits: Set<String> = []) -> (Grievance, [GrievanceEvent]?) {
        guard grievance.submitter.confidential else { return (grievance, events) }
        var secrets = Secrets(grievance.submitter)
        let residentialHidden = grievance.place.residential.map { !Secrets.contains(grievance.text, $0) } ?? false
        if residentialHidden, let residential = grievance.place.residential { secrets.add(residential) }
        var shown = grievance
        let submitter = grievance.submitter
        shown.submitter = Submitter(name: submitter.name.map { _ in hidden }, address: submitter.address.map { _ in hidden },
                                    phone: submitter.phone.map { _ in hidden }, email: submitter.email.map { _ in hidden },
                                    confidential: true)
        shown.text = secrets.scrub(grievance.text)
        if residentialHidden { shown.place.residential = hidden }
        let hiddenUnits = residentialHidden ? areaUnits : []
        let shownEvents = events?.map { event in
            var event = event
            event.reason = event.reason.map(secrets.scrub)
            for (key, value) in event.details {
                switch EventDetail.sensitivity(of: key) {
                case .identifies:
                    event.details[key] = hidden
                case let sensitivity:
                    // Unit ids first: an address's "KP1" would otherwise cut one in half.
                    var scrubbed = value
                    for unit in hiddenUnits where scrubbed.contains(unit) {
                        scrubbed = scrubbed.replacingOccurrences(of: unit, with: hidden)
                    }
                    event.details[key] = sensitivity == .quotes ? secrets.scrub(scrubbed) : scrubbed
                }
            }
            return event
        }
        return (shown, shownEvents)
    }

    /// `text` with what it quotes of a protected submitter replaced (for outputs that show a
    /// record before it is a grievance: an import's dry run).
    public static func scrub(_ text: String, protecting submitter: Submitter) -> String {
        Secrets(submitter).scrub(text)
    }

    /// The protected strings of one submitter, longest first so that a full address goes before
    /// the name inside it, and the numbers that identify people.
    struct Secrets {
        private(set) var values: [String] = []
        /// The submitter's phone as digits, "0…" (a leading 84 read as 0).
        private var phone: String?

        /// Words of address people put before a name.
        static let honorifics: Set<String> = ["ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "ong", "ba", "chi"]
        /// Words that begin the coarse part of an address: the commune, district, province.
        static let coarseMarkers = ["phường", "xã", "thị trấn", "đặc khu", "quận", "huyện", "thị xã", "thành phố", "tp", "tỉnh",
                                    "phuong", "xa", "thi tran", "quan", "huyen", "thanh pho", "tinh", "p.", "q.", "f."]

        init(_ submitter: Submitter) {
            if let name = submitter.name {
                add(name)
                let words = name.split(separator: " ")
                let bare = words.drop { Secrets.honorifics.contains($0.lowercased()) }
                if bare.count < words.count && bare.count >= 2 { add(bare.joined(separator: " ")) }
            }
            if let email = submitter.email { add(email) }
            if let address = submitter.address {
                add(address)
                // The house and street (the parts before the commune) identify a household.
                for part in address.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                    let lower = part.lowercased()
                    if Secrets.coarseMarkers.contains(where: { lower.hasPrefix($0 + " ") || lower.hasPrefix($0) && $0.hasSuffix(".") }) { break }
                    add(part)
                    for prefix in ["số nhà ", "nhà số ", "số ", "so nha ", "nha so ", "so "] where lower.hasPrefix(prefix) {
                        add(String(part.dropFirst(prefix.count)))
                    }
                }
            }
            if let given = submitter.phone {
                add(given)
                phone = Secrets.phoneDigits(given)
            }
        }

        mutating func add(_ value: String) {
            guard value.count >= 3, !values.contains(value) else { return }
            values.append(value)
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
            return scrubNumbers(result)
        }

        /// A phone as digits, with +84 / 84 read as a leading 0; nil when it has too few digits.
        static func phoneDigits(_ text: String) -> String? {
            var digits = text.filter(\.isASCIIDigit)
            if digits.hasPrefix("84") && digits.count >= 11 { digits = "0" + digits.dropFirst(2) }
            return digits.count >= 8 ? digits : nil
        }

        /// Runs of digits, perhaps grouped by single spaces, dots or hyphens ("0912 345 678",
        /// "+84 912.345.678"), hidden when they are the submitter's phone or look like a phone
        /// (0 and 9–10 more digits) or like an ID card number (9 or 12 digits written together).
        func scrubNumbers(_ text: String) -> String {
            let characters = Array(text)
            var output = ""
            var index = 0
            while index < characters.count {
                let start = index
                let plus = characters[index] == "+" && index + 1 < characters.count && characters[index + 1].isASCIIDigit
                guard characters[index].isASCIIDigit || plus else {
                    output.append(characters[index])
                    index += 1
                    continue
                }
                if plus { index += 1 }
                var end = index
                var separated = false
                while end < characters.count {
                    if characters[end].isASCIIDigit {
                        end += 1
                    } else if " .-".contains(characters[end]), end + 1 < characters.count, characters[end + 1].isASCIIDigit,
                              end > index {
                        separated = true
                        end += 1
                    } else {
                        break
                    }
                }
                let run = String(characters[start..<end])
                let digits = run.filter(\.isASCIIDigit)
                let asPhone = Secrets.phoneDigits(run)
                let isPhone = asPhone != nil && (asPhone == phone || (asPhone!.hasPrefix("0") && (10...11).contains(asPhone!.count)))
                let isIDCard = !separated && !plus && (digits.count == 9 || digits.count == 12)
                output += isPhone || isIDCard ? Redaction.hidden : run
                index = end
            }
            return output
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
