import Locality
import JSONText

/// A locality result in the shape of ../shared/INTERFACES.md ("locate").
struct LocalityJSON: Encodable {
    let input: String?
    let result: LocalityResult

    private enum Keys: String, CodingKey { case input, province, commune, residential, legacy, candidates, confidence }
    private enum UnitKeys: String, CodingKey { case code, name }
    private enum LegacyKeys: String, CodingKey { case province, district, commune }
    private enum CandidateKeys: String, CodingKey { case province, commune, score }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        if let input { try c.encode(input, forKey: .input) }
        try encodeUnit(result.province, in: &c, forKey: .province)
        try encodeUnit(result.commune, in: &c, forKey: .commune)
        try c.encode(result.residential, forKey: .residential)
        if let legacy = result.legacy {
            var l = c.nestedContainer(keyedBy: LegacyKeys.self, forKey: .legacy)
            try encodeUnit(legacy.province, in: &l, forKey: .province)
            try encodeUnit(legacy.district, in: &l, forKey: .district)
            try encodeUnit(legacy.commune, in: &l, forKey: .commune)
        } else {
            try c.encodeNil(forKey: .legacy)
        }
        var list = c.nestedUnkeyedContainer(forKey: .candidates)
        for candidate in result.candidates {
            var k = list.nestedContainer(keyedBy: CandidateKeys.self)
            try encodeUnit(candidate.province, in: &k, forKey: .province)
            try encodeUnit(candidate.commune, in: &k, forKey: .commune)
            try k.encode(candidate.score, forKey: .score)
        }
        try c.encode((result.confidence * 100).rounded() / 100, forKey: .confidence)
    }

    /// The same object as `encode(to:)` with `JSONLines`' encoder (keys sorted), written directly.
    func write(to json: inout JSONByteWriter) {
        json.raw("{\"candidates\":[")
        for (index, candidate) in result.candidates.enumerated() {
            json.raw(index == 0 ? "{\"commune\":" : ",{\"commune\":")
            writeUnit(candidate.commune, to: &json)
            json.raw(",\"province\":")
            writeUnit(candidate.province, to: &json)
            json.raw(",\"score\":")
            json.double(candidate.score)
            json.raw("}")
        }
        json.raw("],\"commune\":")
        writeUnit(result.commune, to: &json)
        json.raw(",\"confidence\":")
        json.double((result.confidence * 100).rounded() / 100)
        if let input {
            json.raw(",\"input\":")
            json.string(input)
        }
        json.raw(",\"legacy\":")
        if let legacy = result.legacy {
            json.raw("{\"commune\":")
            writeUnit(legacy.commune, to: &json)
            json.raw(",\"district\":")
            writeUnit(legacy.district, to: &json)
            json.raw(",\"province\":")
            writeUnit(legacy.province, to: &json)
            json.raw("}")
        } else {
            json.null()
        }
        json.raw(",\"province\":")
        writeUnit(result.province, to: &json)
        json.raw(",\"residential\":")
        if let residential = result.residential { json.string(residential) } else { json.null() }
        json.raw("}")
    }

    private func writeUnit(_ unit: LocalityResult.Unit?, to json: inout JSONByteWriter) {
        guard let unit else { return json.null() }
        json.raw("{\"code\":")
        json.string(unit.code)
        json.raw(",\"name\":")
        json.string(unit.name)
        json.raw("}")
    }

    private func encodeUnit<K: CodingKey>(_ unit: LocalityResult.Unit?, in container: inout KeyedEncodingContainer<K>, forKey key: K) throws {
        guard let unit else { return try container.encodeNil(forKey: key) }
        var u = container.nestedContainer(keyedBy: UnitKeys.self, forKey: key)
        try u.encode(unit.code, forKey: .code)
        try u.encode(unit.name, forKey: .name)
    }
}
