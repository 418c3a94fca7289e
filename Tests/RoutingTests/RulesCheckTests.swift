import Foundation
import Testing
@testable import Routing

@Suite("danvan rules check")
struct RulesCheckTests {
    @Test("the shipped rules are valid")
    func shippedRulesAreValid() throws {
        let book = try RuleBookLoader.load(directory: ProjectPaths.rules)
        #expect(book.rules.count >= 10)
        #expect(book.topics.count == 18)
        #expect(book.version.count == 16)
    }

    /// Titles and sources end up in the explanation people read ("… căn cứ: <source>"), so the
    /// shipped ones are Vietnamese: no sentence of English slipped in from a comment.
    @Test("the shipped rules' titles and sources are written in Vietnamese")
    func shippedTextsAreVietnamese() throws {
        let book = try RuleBookLoader.load(directory: ProjectPaths.rules)
        let english: Set<Substring> = ["the", "of", "no", "is", "per", "for", "days", "deadline", "target", "confirmed", "runs", "after"]
        let texts = book.rules.flatMap { [$0.title, $0.source].compactMap(\.self) } + book.deadlines.values.map(\.source)
        #expect(texts.count > book.rules.count)
        for text in texts {
            let words = text.lowercased().split { !$0.isLetter }
            #expect(!words.contains { english.contains($0) }, "English in a shipped text: \(text)")
            #expect(text.unicodeScalars.contains { $0.value > 0x7F }, "no diacritics in a shipped text: \(text)")
        }
    }

    static let brokenFiles: [String] = {
        let directory = ProjectPaths.root.appendingPathComponent("Tests/RoutingTests/Fixtures/broken").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }()

    @Test("there are ten broken files")
    func tenBrokenFiles() { #expect(RulesCheckTests.brokenFiles.count == 10) }

    /// Each file's first line says what must be reported: "# expect: LINE: message fragment".
    @Test("each broken file gives exactly its one precise file:line message", arguments: brokenFiles)
    func brokenFile(path: String) throws {
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        let expectation = try #require(contents.split(separator: "\n").first?.dropFirst("# expect: ".count))
        let parts = expectation.split(separator: ":", maxSplits: 1)
        let line = try #require(Int(parts[0]))
        let fragment = String(parts[1]).trimmingCharacters(in: .whitespaces)
        var source = RuleBook.demoSource
        source.files.append(.init(path: path, contents: contents))
        let (book, problems) = RuleBookLoader.build(source, calendar: RuleBook.demo.calendar)
        #expect(book == nil)
        #expect(problems.count == 1, "\(problems)")
        let problem = try #require(problems.first)
        #expect(problem.file == path && problem.line == line, "\(problem)")
        #expect(problem.message.contains(fragment), "\(problem.message) lacks \(fragment)")
        #expect(problem.description.hasPrefix("\(path):\(line): "))
    }

    @Test("a rule book with problems is never returned, so a bad edit keeps the old rules")
    func badEditKeepsNothing() {
        var source = RuleBook.demoSource
        source.files.append(.init(path: "x.rules", contents: "rule X\n  lead: nowhere\n"))
        let (book, problems) = RuleBookLoader.build(source, calendar: RuleBook.demo.calendar)
        #expect(book == nil && problems.map(\.description) == ["x.rules:1: rule X has no priority"])
    }
}
