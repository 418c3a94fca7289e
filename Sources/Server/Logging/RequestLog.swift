public import Foundation
internal import Glibc
internal import Synchronization
internal import Presentation
internal import Domain
internal import JSONText

/// One JSON line per request on standard error (journald keeps them): when, method, route
/// pattern (never the path's values: a tracking code is a citizen's key), status, milliseconds.
/// Lines are gathered and written every `interval`, not one write per request.
public final class RequestLog: Sendable {
    private let pending = Mutex<[UInt8]>([])
    private let enabled: Bool
    public var isEnabled: Bool { enabled }
    private let stopped = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let descriptor: Int32

    /// - Parameter enabled: false writes nothing (tests, benchmarks of the bare path).
    public init(enabled: Bool = true, descriptor: Int32 = STDERR_FILENO, interval: Duration = .milliseconds(200)) {
        self.enabled = enabled
        self.descriptor = descriptor
        guard enabled else {
            stopped.store(true, ordering: .releasing)
            return
        }
        let thread = Thread { [self] in
            let milliseconds = Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
            while !stopped.load(ordering: .acquiring) {
                _ = wake.wait(timeout: .now() + .milliseconds(milliseconds))
                flush()
            }
            finished.signal()
        }
        thread.name = "request-log"
        thread.start()
    }

    public func request(at instant: Date, method: String, route: String, status: Int, milliseconds: Double) {
        guard enabled else { return }
        var json = JSONByteWriter(capacity: 160)
        json.raw("{\"at\":"); json.string(Timestamp.format(instant))
        json.raw(",\"method\":"); json.string(method)
        json.raw(",\"route\":"); json.string(route)
        json.raw(",\"status\":"); json.int(status)
        json.raw(",\"ms\":"); json.double((milliseconds * 100).rounded() / 100)
        json.raw("}\n")
        pending.withLock { $0.append(contentsOf: json.bytes) }
    }

    /// A line about the service itself (started, stopping), same shape as the others.
    public func event(_ message: String, at instant: Date = Date()) {
        guard enabled else { return }
        var json = JSONByteWriter(capacity: 120)
        json.raw("{\"at\":"); json.string(Timestamp.format(instant))
        json.raw(",\"event\":"); json.string(message)
        json.raw("}\n")
        pending.withLock { $0.append(contentsOf: json.bytes) }
    }

    public func flush() {
        let bytes = pending.withLock { buffer -> [UInt8] in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written <= 0 { break }
            offset += written
        }
    }

    public func close() {
        guard enabled, !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        finished.wait()
        flush()
    }
}
