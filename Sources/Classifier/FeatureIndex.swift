/// Feature hash → row. The keys are already FNV hashes, so an open-addressing table using them
/// directly beats `Dictionary`, which would hash them again with SipHash on every look-up.
struct FeatureIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0
    /// 0 marks an empty slot; a real key of 0 is stored as this instead.
    private static let zeroKey: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    init(_ rows: [UInt64: Int]) {
        self.init(capacity: rows.count)
        for (key, row) in rows.sorted(by: { $0.value < $1.value }) { self[key] = row }
    }

    subscript(key: UInt64) -> Int? {
        get {
            let k = key == 0 ? FeatureIndex.zeroKey : key
            var slot = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while keys[slot] != 0 {
                if keys[slot] == k { return Int(values[slot]) }
                slot = (slot + 1) & mask
            }
            return nil
        }
        set {
            guard let row = newValue else { return }  // rows are never removed
            if (count + 1) * 2 > keys.count { grow() }
            let k = key == 0 ? FeatureIndex.zeroKey : key
            var slot = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while keys[slot] != 0 && keys[slot] != k { slot = (slot + 1) & mask }
            if keys[slot] == 0 { count += 1 }
            keys[slot] = k
            values[slot] = Int32(row)
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != 0 { self[key] = Int(value) }
    }
}
