#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Buffered standard output and unbuffered standard error, safe to use from any thread.
/// Output is written with write(2) so it does not depend on C's global FILE pointers.
public enum StandardStreams {
    private static let buffer = Mutex<[UInt8]>([])
    private static let flushThreshold = 64 * 1024

    /// Writes `text` and a newline to standard output.
    public static func printLine(_ text: String) {
        buffer.withLock { bytes in
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\n"))
            if bytes.count >= flushThreshold { writeAll(1, bytes); bytes.removeAll(keepingCapacity: true) }
        }
    }

    /// Writes `text` to standard output as it is, without adding a newline.
    public static func printText(_ text: String) {
        buffer.withLock { bytes in
            bytes.append(contentsOf: text.utf8)
            if bytes.count >= flushThreshold { writeAll(1, bytes); bytes.removeAll(keepingCapacity: true) }
        }
    }

    /// Writes `bytes` to standard output as they are (lines already built as UTF-8).
    public static func printBytes(_ bytes: [UInt8]) {
        buffer.withLock { buffered in
            buffered.append(contentsOf: bytes)
            if buffered.count >= flushThreshold { writeAll(1, buffered); buffered.removeAll(keepingCapacity: true) }
        }
    }

    /// Writes what is buffered now: before exiting, and where a reader waits for a line (progress).
    public static func flush() {
        buffer.withLock { bytes in
            writeAll(1, bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    public static func printError(_ text: String) {
        flush()
        writeAll(2, Array((text + "\n").utf8))
    }

    /// Writes `text` to standard error as it is (a progress line redrawn with "\r").
    public static func writeError(_ text: String) {
        writeAll(2, Array(text.utf8))
    }

    /// Whether standard error is a terminal (progress bars only go to people).
    public static var errorIsTerminal: Bool { isatty(2) == 1 }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // the reader went away (EPIPE): nothing useful left to do
                }
                offset += written
            }
        }
    }
}
