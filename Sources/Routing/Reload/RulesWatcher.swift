import Dispatch
import Synchronization
import Foundation

/// Reloads a `ReloadingRouter` on SIGHUP and when a rules file changes (polled: a few stat calls
/// every interval, portable and enough for files edited by hand).
public final class RulesWatcher {
    private let signalSource: any DispatchSourceSignal
    private let timer: (any DispatchSourceTimer)?

    /// - Parameters:
    ///   - interval: seconds between checks for changed files; 0 checks only on SIGHUP.
    ///   - log: receives one line per reload attempt, for the operator.
    public init(router: ReloadingRouter, interval: Double, log: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "danvan.rules.reload")
        let directory = router.directory
        // The default action of SIGHUP ends the process: ignore it and take it through Dispatch.
        signal(SIGHUP, SIG_IGN)
        let stamp = FileStamp(directory: directory)
        let report: @Sendable (String) -> Void = { reason in
            switch router.reload() {
            case let .reloaded(version):
                log("rules reloaded (\(reason)): version \(version)")
            case .unchanged:
                break
            case let .kept(version, problems):
                log("rules NOT reloaded (\(reason)); version \(version) stays in force. Problems:")
                problems.forEach { log("  \($0)") }
            }
        }
        signalSource = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        signalSource.setEventHandler { @Sendable in
            stamp.refresh()
            report("SIGHUP")
        }
        signalSource.resume()
        if interval > 0 {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { @Sendable in
                if stamp.refresh() { report("files changed") }
            }
            timer.resume()
            self.timer = timer
        } else {
            timer = nil
        }
    }

    public func cancel() {
        signalSource.cancel()
        timer?.cancel()
    }
}

/// Paths, sizes and modification times of every file under the rules directory.
final class FileStamp: Sendable {
    private let directory: String
    private let last: Mutex<String>

    init(directory: String) {
        self.directory = directory
        last = Mutex(FileStamp.read(directory))
    }

    /// True when the files differ from the last look.
    @discardableResult
    func refresh() -> Bool {
        let now = FileStamp.read(directory)
        return last.withLock { previous in
            defer { previous = now }
            return previous != now
        }
    }

    private static func read(_ directory: String) -> String {
        let manager = FileManager.default
        let paths = (manager.subpaths(atPath: directory) ?? []).sorted()
        return paths.map { path -> String in
            let attributes = try? manager.attributesOfItem(atPath: (directory as NSString).appendingPathComponent(path))
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path)|\(size)|\(modified)"
        }.joined(separator: "\n")
    }
}

