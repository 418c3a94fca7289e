/// A map from 64-bit keys to non-negative ids, by open addressing with linear probing. The
/// gazetteer's word ids and trie edges are looked up several times per word of every locate
/// call; `Dictionary` hashes each key with SipHash, which was a tenth of a call's time. The keys
/// here are already hashes (FNV-1a) or packed integers, so one multiplication mixes them enough.
struct IDTable: Sendable {
    private var keys: [UInt64]
    /// -1 marks an empty slot (ids are never negative).
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    subscript(key: UInt64) -> Int32? {
        var index = slot(key)
        while true {
            let value = values[index]
            if value < 0 { return nil }
            if keys[index] == key { return value }
            index = (index + 1) & mask
        }
    }

    /// Adds or replaces the id for `key`.
    mutating func set(_ key: UInt64, _ value: Int32) {
        precondition(value >= 0, "ids are non-negative")
        if (count + 1) * 2 > values.count { grow() }
        var index = slot(key)
        while values[index] >= 0 && keys[index] != key { index = (index + 1) & mask }
        if values[index] < 0 { count += 1 }
        keys[index] = key
        values[index] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 { set(key, value) }
    }
}
