import Foundation
import Testing
import Locality

/// The acceptance measure of locality extraction on the project's labelled set: exact commune,
/// province, and false places on sentences that name none. An old commune split between new ones
/// that nothing in the text tells apart counts as right when it is answered by exactly its
/// successors as candidates and no commune; how many were is printed. Prints the figures; with
/// DANVAN_LOCALITY_REPORT=path it also writes every miss there.
@Suite("Locality extraction on the labelled set")
struct LocalityEvaluationTests {
    @Test("on the tuning set: exact commune ≥ 95%, province ≥ 95%, false places ≤ 2%")
    func tuningSet() throws {
        #expect(LocalityCase.all.count >= 600)
        try evaluate(LocalityCase.all, name: "locality", minimumCommune: 0.95, maximumFalsePlaces: 0.02)
    }

    /// The held-out set's figure is reported, and guarded against regressions.
    @Test("on the held-out set: exact commune ≥ 90%, false places ≤ 5%")
    func heldOutSet() throws {
        #expect(LocalityCase.heldOut.count >= 250)
        try evaluate(LocalityCase.heldOut, name: "locality held-out", minimumCommune: 0.90, maximumFalsePlaces: 0.05)
    }

    func evaluate(_ cases: [LocalityCase], name: String, minimumCommune: Double, maximumFalsePlaces: Double) throws {
        let extractor = LocalityExtractor()
        var communeRight = 0, communeTotal = 0, provinceRight = 0, provinceTotal = 0, falsePlaces = 0, noPlace = 0
        var residentialRight = 0, residentialTotal = 0, splitAsCandidates = 0
        var perCategory: [String: (right: Int, total: Int)] = [:]
        var misses: [String] = []
        for c in cases {
            let result = extractor.locate(c.input, defaultProvince: c.defaultProvince, defaultCommune: c.defaultCommune)
            var right = true
            if !c.goldCommunes.isEmpty {
                communeTotal += 1
                if let code = result.commune?.code, c.goldCommunes.contains(code) {
                    communeRight += 1
                } else if c.goldCommunes.count > 1, result.commune == nil,
                          Set(result.candidates.map(\.commune.code)) == c.goldCommunes {
                    // An old commune split between new ones that no name tells apart: the answer
                    // is its successors as candidates and no commune (issue 17, item 5).
                    communeRight += 1
                    splitAsCandidates += 1
                } else {
                    right = false
                }
            } else if result.commune != nil {
                right = false
            }
            if let gold = c.goldProvince {
                provinceTotal += 1
                if result.province?.code == gold { provinceRight += 1 } else { right = false }
            }
            if c.goldProvince == nil && c.goldCommunes.isEmpty {
                noPlace += 1
                if result.province != nil || result.commune != nil { falsePlaces += 1; right = false }
            }
            if let gold = c.goldResidential {
                residentialTotal += 1
                if result.residential == gold { residentialRight += 1 }
            }
            perCategory[c.category, default: (0, 0)].total += 1
            if right { perCategory[c.category, default: (0, 0)].right += 1 } else {
                misses.append("\(c.id)\t\(c.input)\tgold \(c.goldProvince ?? "-")/\(c.goldCommunes.sorted().joined(separator: " "))\t"
                              + "got \(result.province?.code ?? "-")/\(result.commune?.code ?? "-") \(result.commune?.name ?? "")\t\(c.note)")
            }
        }
        let commune = Double(communeRight) / Double(max(1, communeTotal))
        let province = Double(provinceRight) / Double(max(1, provinceTotal))
        let falseRate = Double(falsePlaces) / Double(max(1, noPlace))
        print("\(name): exact commune \(communeRight)/\(communeTotal) = \(String(format: "%.1f", commune * 100))% "
              + "(\(splitAsCandidates) of them split old communes answered by their successors as candidates), "
              + "province \(provinceRight)/\(provinceTotal) = \(String(format: "%.1f", province * 100))%, "
              + "false places \(falsePlaces)/\(noPlace) = \(String(format: "%.1f", falseRate * 100))%, "
              + "residential \(residentialRight)/\(residentialTotal)")
        for (category, counts) in perCategory.sorted(by: { $0.key < $1.key }) {
            print("\(name):   \(category): \(counts.right)/\(counts.total) fully right")
        }
        if let path = ProcessInfo.processInfo.environment["DANVAN_LOCALITY_REPORT"] {
            try misses.joined(separator: "\n").write(toFile: path + "." + name.replacingOccurrences(of: " ", with: "-"),
                                                       atomically: true, encoding: .utf8)
        }
        #expect(commune >= minimumCommune)
        #expect(province >= minimumCommune)
        #expect(falseRate <= maximumFalsePlaces)
    }
}
