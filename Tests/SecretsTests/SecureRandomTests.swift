import Testing
@testable import Secrets

@Suite struct SecureRandomTests {
    /// Values come from a pool refilled 4 KiB (512 values) at a time and wiped as they are used:
    /// a pool that was not refilled would hand out zeros, one used twice would repeat values.
    @Test func valuesAcrossRefillsAreFreshAndDistinct() {
        var random = SecureRandom()
        let values = (0..<2_000).map { _ in random.next() }
        #expect(Set(values).count == values.count)
        #expect(values.filter { $0 == 0 }.count == 0)
        // Every bit position takes both values: the bytes are not stuck.
        let ored = values.reduce(UInt64(0)) { $0 | $1 }
        let anded = values.reduce(UInt64.max) { $0 & $1 }
        #expect(ored == .max && anded == 0)
    }

    @Test func generatorsOnManyThreadsNeverShareAValue() async {
        let batches = await withTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var random = SecureRandom()
                    return (0..<1_000).map { _ in random.next() }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let all = batches.flatMap { $0 }
        #expect(all.count == 8_000)
        #expect(Set(all).count == all.count)
    }
}
