internal import CSodium
internal import Synchronization

/// Bytes from libsodium's generator (the kernel's CSPRNG), drawn 4 KiB at a time and handed out
/// once each. One `randombytes_buf` call per eight bytes cost an import a `getrandom` system call
/// per row; a draw per 512 values costs nothing visible. The process never forks, so no two
/// processes can share a buffer.
final class RandomPool: Sendable {
    static let shared = RandomPool()

    private static let size = 4096

    private struct Buffer {
        var bytes = [UInt8](repeating: 0, count: RandomPool.size)
        /// The next byte not yet handed out; `size` when all are used.
        var next = RandomPool.size
    }

    private let buffer = Mutex(Buffer())

    private init() {
        Sodium.ensureInitialized()
    }

    /// Eight fresh random bytes as one number.
    func next() -> UInt64 {
        buffer.withLock { buffer in
            if buffer.next + 8 > RandomPool.size {
                buffer.bytes.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
                buffer.next = 0
            }
            defer {
                // Used bytes are wiped, so the buffer never holds a value already handed out.
                for index in buffer.next..<buffer.next + 8 { buffer.bytes[index] = 0 }
                buffer.next += 8
            }
            return buffer.bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: buffer.next, as: UInt64.self) }
        }
    }
}
