#if canImport(Glibc)
internal import Glibc
#endif
/// An mbox file, streamed: messages are separated by lines starting with "From " (the mboxo
/// and mboxrd families; Python's mailbox module splits the same way). Body lines that were
/// quoted on writing (">From ", ">>From " …) lose one ">" (mboxrd; for mboxo this restores the
/// usual "From " too). Memory holds one message at a time; a message over the size limit is
/// skipped and quarantined without being held.
public final class MboxSource: RecordSource {
    public let name: String
    public var bytesRead: Int { file.offset }
    public var totalBytes: Int { file.size }
    private let file: ChunkedFile
    private var buffer: [UInt8] = []
    /// Where the current message starts in `buffer`, and how far the search for the next From_ line got.
    private var messageStart = 0
    private var scanned = 0
    private var ended = false
    private var count = 0
    private var skippingOversize = false

    public init(path: String) throws(SourceError) {
        name = path
        do {
            file = try ChunkedFile(path: path)
            try file.read(into: &buffer, count: 5)
        } catch { throw SourceError(error.description) }
        guard buffer.isEmpty || MboxSource.looksLikeMbox(buffer) else {
            throw SourceError("\(path):1: không phải tệp mbox (không bắt đầu bằng dòng \"From \"); thử --format eml")
        }
        // Opened again when its messages are read: a command may name many files.
        file.park()
    }

    /// Peeks at a file's start: does it look like an mbox?
    public static func looksLikeMbox(_ prefix: [UInt8]) -> Bool { prefix.starts(with: "From ".utf8) }

    public func next() throws -> IntakeItem? {
        while true {
            if let boundary = nextFromLine() {
                let item = take(upTo: boundary)
                if let item { return item }
                continue
            }
            if ended {
                guard messageStart < buffer.count else { return nil }
                let item = take(upTo: buffer.count)
                if let item { return item }
                return nil
            }
            // Drop what was consumed, then read more.
            if messageStart > 0 {
                buffer.removeFirst(messageStart)
                scanned -= messageStart
                messageStart = 0
            }
            if buffer.count - messageStart > MailRecords.maximumMessageBytes && !skippingOversize {
                skippingOversize = true
            }
            if skippingOversize {
                // Keep only the tail in which the next From_ line may begin.
                let keep = min(buffer.count, 6)
                buffer.removeFirst(buffer.count - keep)
                scanned = 0
            }
            do {
                if try file.read(into: &buffer) == 0 { ended = true }
            } catch { throw SourceError(error.description) }
        }
    }

    /// The index of the next line starting with "From " after the current message's own first line.
    private func nextFromLine() -> Int? {
        let from = max(scanned, messageStart)
        let found: Int? = buffer.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress, p.count - from >= 6 else { return nil }
            var i = from
            // memchr finds line ends with SIMD; only then are the next five bytes compared.
            while i <= p.count - 6 {
                guard let hit = memchr(base + i, 10, p.count - 6 - i + 1) else { return nil }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if p[at + 1] == 70 && p[at + 2] == 114 && p[at + 3] == 111 && p[at + 4] == 109 && p[at + 5] == 32 {
                    return at + 1
                }
                i = at + 1
            }
            return nil
        }
        if let found { scanned = found; return found }
        scanned = max(messageStart, buffer.count - 5)
        return nil
    }

    /// The message in buffer[messageStart..<end], as an item; nil for an empty stretch.
    private func take(upTo end: Int) -> IntakeItem? {
        let start = messageStart
        messageStart = end
        scanned = end
        count += 1
        let source = "\(name)#\(count)"
        if skippingOversize {
            skippingOversize = false
            return .rejected(Rejection(source: source, reason: "thư lớn hơn \(MailRecords.maximumMessageBytes >> 20) MiB",
                                       raw: []))
        }
        var message = buffer[start..<end]
        // Drop the From_ line itself.
        if let lineEnd = message.firstIndex(of: 10) { message = message[(lineEnd + 1)...] } else { message = message[end...] }
        if message.allSatisfy({ $0 == 10 || $0 == 13 }) {
            count -= 1
            return nil
        }
        return MailRecords.item(MboxSource.unquote(message), source: source)
    }

    /// ">From " → "From ", ">>From " → ">From " at line starts (mboxrd).
    static func unquote(_ message: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        // Where quoted lines start (the '>' after a line end); most messages have none.
        let starts: [Int] = message.withUnsafeBufferPointer { p in
            var found: [Int] = []
            guard let base = p.baseAddress, !p.isEmpty else { return found }
            func quoted(_ i: Int) -> Bool {
                var j = i
                while j < p.count, p[j] == UInt8(ascii: ">") { j += 1 }
                return j > i && j + 5 <= p.count && p[j] == 70 && p[j + 1] == 114 && p[j + 2] == 111 && p[j + 3] == 109
                    && p[j + 4] == 32
            }
            if quoted(0) { found.append(0) }
            var i = 0
            while i < p.count, let hit = memchr(base + i, 10, p.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 1 < p.count, p[at + 1] == UInt8(ascii: ">"), quoted(at + 1) { found.append(at + 1) }
                i = at + 1
            }
            return found
        }
        guard !starts.isEmpty else { return message }
        var out: [UInt8] = []
        out.reserveCapacity(message.count)
        var copied = message.startIndex
        for offset in starts {
            let index = message.startIndex + offset
            out.append(contentsOf: message[copied..<index])
            copied = index + 1
        }
        out.append(contentsOf: message[copied...])
        return out[...]
    }
}
