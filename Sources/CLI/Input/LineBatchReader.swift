#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Domain

/// Reads a file descriptor in large chunks and hands out whole lines in batches, so that memory
/// stays bounded by a batch (plus the longest line) however long the input is. Lines are split
/// as `readLine(strippingNewline:)` splits them: at "\n", with a "\r" just before it dropped, and
/// a last line without a newline still counted.
final class LineBatchReader {
    private let descriptor: Int32
    private let chunkSize: Int
    /// Read and not yet handed out; begins at the start of a line.
    private var pending: [UInt8] = []
    /// How far `pending` has been searched for newlines without finding one.
    private var searched = 0
    private var atEnd = false
    private var nextNumber = 1

    init(descriptor: Int32 = 0, chunkSize: Int = 1 << 20) {
        self.descriptor = descriptor
        self.chunkSize = chunkSize
    }

    /// Up to `maxLines` lines, fewer once their bytes pass `maxBytes`; nil after the last line.
    func next(maxLines: Int, maxBytes: Int) throws -> LineBatch? {
        var starts: [Int] = [], ends: [Int] = []
        starts.reserveCapacity(maxLines)
        ends.reserveCapacity(maxLines)
        var lineStart = 0
        while starts.count < maxLines && lineStart < maxBytes {
            if let newline = findNewline(from: max(lineStart, searched)) {
                var end = newline
                if end > lineStart && pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                starts.append(lineStart)
                ends.append(end)
                lineStart = newline + 1
                searched = lineStart
                continue
            }
            searched = pending.count
            if atEnd {
                if lineStart < pending.count {
                    starts.append(lineStart)
                    ends.append(pending.count)
                    lineStart = pending.count
                }
                break
            }
            try readChunk()
        }
        guard !starts.isEmpty else { return nil }
        // The batch takes its lines' bytes; what follows them stays for the next batch.
        let bytes = Array(pending[..<lineStart])
        pending.removeSubrange(..<lineStart)
        searched = max(0, searched - lineStart)
        let batch = LineBatch(bytes: bytes, starts: starts, ends: ends, firstNumber: nextNumber)
        nextNumber += starts.count
        return batch
    }

    private func findNewline(from start: Int) -> Int? {
        guard start < pending.count else { return nil }
        return pending.withUnsafeBytes { raw in
            memchr(raw.baseAddress! + start, 0x0A, raw.count - start).map { raw.baseAddress!.distance(to: UnsafeRawPointer($0)) }
        }
    }

    private func readChunk() throws {
        let old = pending.count
        pending.append(contentsOf: repeatElement(0, count: chunkSize))
        while true {
            let count = pending.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + old, chunkSize) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                let reason = String(cString: strerror(errno))
                pending.removeSubrange(old...)
                throw FieldError(field: "stdin", message: "cannot be read: \(reason)")
            }
            pending.removeSubrange((old + count)...)
            if count == 0 { atEnd = true }
            return
        }
    }
}
