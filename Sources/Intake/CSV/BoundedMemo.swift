/// Remembers the results of a pure function for the values a sheet repeats (dates, kind labels),
/// forgetting everything once it holds `limit` entries so that a column of all-different values
/// costs bounded memory.
struct BoundedMemo<Key: Hashable, Value> {
    private var entries: [Key: Value] = [:]
    let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
    }

    mutating func value(for key: Key, _ compute: (Key) -> Value) -> Value {
        if let known = entries[key] { return known }
        let value = compute(key)
        if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
        return value
    }
}
