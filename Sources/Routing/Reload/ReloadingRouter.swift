import Synchronization

/// The router in force, swapped whole when the rules change. A request uses the router it got
/// at its start, so a reload never disturbs one in flight; a bad edit leaves the old rules in force.
public final class ReloadingRouter: Sendable {
    public enum Outcome: Sendable {
        case reloaded(version: String)
        case unchanged(version: String)
        case kept(version: String, problems: [RulesProblem])
    }

    public let directory: String
    private let router: Mutex<Router>

    public init(directory: String) throws(RulesProblems) {
        self.directory = directory
        router = Mutex(Router(book: try RuleBookLoader.load(directory: directory)))
    }

    public var current: Router { router.withLock { $0 } }

    /// Reads the rules again; installs them only when they load without a single problem.
    @discardableResult
    public func reload() -> Outcome {
        let old = current.book.version
        do {
            let book = try RuleBookLoader.load(directory: directory)
            guard book.version != old else { return .unchanged(version: old) }
            router.withLock { $0 = Router(book: book) }
            return .reloaded(version: book.version)
        } catch {
            return .kept(version: old, problems: error.problems)
        }
    }
}
