/// The taxonomy's keyword phrases by hash, so that a text's n-grams are looked up in it (a few
/// hundred probes of a table that stays in the cache) instead of every keyword being searched
/// for in the text.
struct KeywordIndex: Sendable {
    /// Phrase hash → group number; a group lists the keywords (indexes into `keywords`) with that hash.
    private let groups: FeatureIndex
    private let members: [[Int]]
    /// In the taxonomy's order: a phrase's hash, its length in words (1 to 3), the topic's feature.
    let keywords: [(phrase: UInt64, words: Int, feature: UInt64)]

    init(_ keywords: [(phrase: UInt64, words: Int, feature: UInt64)]) {
        var groups = FeatureIndex(capacity: keywords.count)
        var members: [[Int]] = []
        for (index, keyword) in keywords.enumerated() {
            if let group = groups[keyword.phrase] {
                members[group].append(index)
            } else {
                groups[keyword.phrase] = members.count
                members.append([index])
            }
        }
        self.groups = groups
        self.members = members
        self.keywords = keywords
    }

    /// The keyword features a text triggers, each once, in the order of the keywords that
    /// triggered them: phrases of one or two words among its unigrams and bigrams, phrases of
    /// three among its trigrams.
    func features(_ text: TextFeatures) -> [UInt64] {
        var matched: [Int] = []
        for (hash, _) in text.counts {
            guard let group = groups[hash] else { continue }
            for keyword in members[group] where keywords[keyword].words < 3 { matched.append(keyword) }
        }
        for hash in text.trigrams {
            guard let group = groups[hash] else { continue }
            for keyword in members[group] where keywords[keyword].words == 3 { matched.append(keyword) }
        }
        guard !matched.isEmpty else { return [] }
        matched.sort()
        var found: [UInt64] = []
        for index in matched where !found.contains(keywords[index].feature) { found.append(keywords[index].feature) }
        return found
    }
}
