import Foundation

/// One labelled case of Fixtures/locality-cases.tsv.
struct LocalityCase: Sendable, CustomTestStringConvertible {
    var id: String
    var category: String
    var input: String
    var defaultProvince: String?
    var defaultCommune: String?
    var goldProvince: String?
    /// Several codes only for an old commune split between new ones: any of them is right.
    var goldCommunes: Set<String>
    var note: String
    var testDescription: String { id }

    var goldResidential: String? {
        note.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("residential=") }.map { String($0.dropFirst("residential=".count)) }
    }

    static let all: [LocalityCase] = load("locality-cases")
    /// Written after the extractor was frozen, by someone who had not seen it: the honest figure.
    static let heldOut: [LocalityCase] = load("locality-heldout")

    static func load(_ name: String) -> [LocalityCase] {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line -> LocalityCase? in
            guard !line.hasPrefix("#"), !line.hasPrefix("id\t") else { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 7 else { return nil }
            func optional(_ s: String) -> String? { s.isEmpty ? nil : s }
            return LocalityCase(id: f[0], category: f[1], input: f[2], defaultProvince: optional(f[3]), defaultCommune: optional(f[4]),
                                goldProvince: optional(f[5]), goldCommunes: Set(f[6].split(separator: " ").map(String.init)),
                                note: f.count > 7 ? f[7] : "")
        }
    }
}

import Testing
