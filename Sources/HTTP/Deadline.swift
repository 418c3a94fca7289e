internal import Dispatch

/// A point on the monotonic clock, turned into poll(2) timeouts.
struct Deadline: Sendable {
    let uptimeNanoseconds: UInt64

    static func after(_ duration: Duration) -> Deadline {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
        return Deadline(uptimeNanoseconds: DispatchTime.now().uptimeNanoseconds + nanoseconds)
    }

    /// Milliseconds left, rounded up so a poll never wakes just before the deadline; 0 once passed.
    var remainingMilliseconds: Int32 {
        let now = DispatchTime.now().uptimeNanoseconds
        guard uptimeNanoseconds > now else { return 0 }
        return Int32(clamping: (uptimeNanoseconds - now + 999_999) / 1_000_000)
    }
}
