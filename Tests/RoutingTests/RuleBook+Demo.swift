import Foundation
@testable import Routing

extension RuleBook {
    /// The demo directory shipped in routing-rules/.
    static let demo: RuleBook = try! RuleBookLoader.load(directory: ProjectPaths.rules)

    static let demoSource: RulesSource = try! RulesSource.read(directory: ProjectPaths.rules)
}
