import Foundation

/// The text of the rules files, read from a directory (or supplied by tests).
public struct RulesSource: Sendable {
    public struct File: Sendable {
        public var path: String
        public var contents: String
        public init(path: String, contents: String) {
            self.path = path
            self.contents = contents
        }
    }

    public var directory: String
    public var files: [File]

    public init(directory: String, files: [File]) {
        self.directory = directory
        self.files = files
    }

    /// Reads units/*.units, rules/*.rules and topics.txt under `directory`.
    public static func read(directory: String) throws(RulesProblems) -> RulesSource {
        var files: [File] = []
        var problems: [RulesProblem] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RulesProblems([RulesProblem(file: directory, line: 0, message: "không có thư mục quy tắc này; chỉ đúng thư mục bằng --rules DIR (no such rules directory)")])
        }
        for (folder, suffix) in [("units", ".units"), ("rules", ".rules"), ("", "topics.txt")] {
            let path = folder.isEmpty ? directory : (directory as NSString).appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
            for name in names {
                let file = (path as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                    problems.append(RulesProblem(file: file, line: 0, message: "cannot be read as UTF-8 text"))
                    continue
                }
                files.append(File(path: file, contents: text))
            }
        }
        guard problems.isEmpty else { throw RulesProblems(problems) }
        return RulesSource(directory: directory, files: files)
    }

    /// FNV-1a over paths and contents: a short, stable name for this exact set of rules.
    public var version: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files.sorted(by: { $0.path < $1.path }) {
            for byte in ((file.path as NSString).lastPathComponent + "\u{0}" + file.contents + "\u{0}").utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16, uppercase: false).leftPadded(to: 16)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
