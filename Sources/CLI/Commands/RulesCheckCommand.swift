import Routing

struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "check",
        abstract: "Kiểm tra quy tắc chuyển xử lý; hợp lệ thì thoát 0, nếu không in từng lỗi dạng tệp:dòng: thông báo và thoát 1. (Check the routing rules; exit 0 when valid, else print every problem as file:line: message and exit 1.)",
        discussion: """
            Checks units (unknown parents, cycles of parents), rules (unknown units, topics, kinds, \
            channels, deadline policies and ladders; rules no grievance can reach; rules of equal \
            priority that overlap), deadline policies (each must cite its source) and the calendar.
            """,
        arguments: [.positional("dir", help: "rules directory (default: routing-rules)", required: false)],
        examples: ["danvan rules check", "danvan rules check /etc/danvan/routing-rules"])

    let directory: String

    init(_ arguments: ParsedArguments) throws {
        directory = try arguments.positional(0) ?? "routing-rules"
    }

    func run() throws {
        do {
            let book = try RuleBookLoader.load(directory: directory)
            StandardStreams.printLine("\(directory): \(book.rules.count) rules, \(book.directory.ordered.count) units, "
                + "\(book.topics.count) topics; version \(book.version)")
        } catch {
            for problem in error.problems { StandardStreams.printLine(problem.description) }
            throw ExitCode.failure
        }
    }
}
