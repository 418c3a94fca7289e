public import Foundation
internal import Synchronization

/// At most `limit` events per key (a client address) in any `window`, counted in a fixed window
/// per key: enough to stop a script flooding the public form, cheap enough for every request.
public final class RateLimiter: Sendable {
    public let limit: Int
    public let window: TimeInterval
    private let counts = Mutex<[String: (start: Date, count: Int)]>([:])

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts one event for `key`; false when over the limit (then nothing is counted).
    public func allow(_ key: String, at instant: Date) -> Bool {
        counts.withLock { counts in
            if counts.count > 100_000 { counts = counts.filter { instant.timeIntervalSince($0.value.start) < window } }
            var entry = counts[key] ?? (instant, 0)
            if instant.timeIntervalSince(entry.start) >= window { entry = (instant, 0) }
            guard entry.count < limit else { return false }
            entry.count += 1
            counts[key] = entry
            return true
        }
    }

    /// Seconds until `key` may try again.
    public func retryAfter(_ key: String, at instant: Date) -> Int {
        counts.withLock { counts in
            guard let entry = counts[key] else { return 0 }
            return max(1, Int((window - instant.timeIntervalSince(entry.start)).rounded(.up)))
        }
    }
}
