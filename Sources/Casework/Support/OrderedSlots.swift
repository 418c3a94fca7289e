/// One slot per index of a parallel map; each is written by exactly one thread, so no two touch
/// the same memory, and the values come out in index order.
final class OrderedSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = UnsafeMutablePointer<Value?>.allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    /// Moves the values out (each slot is left empty), so that none is copied and released.
    func values() -> [Value] {
        (0..<count).map { index in
            let value = (storage + index).move()
            (storage + index).initialize(to: nil)
            return value!
        }
    }
}
