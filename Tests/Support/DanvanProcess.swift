public import Foundation

/// Runs the built `danvan` executable as a child process, the way scripts and cron use it.
public enum DanvanProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
        public var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The executable: $DANVAN_BIN, else beside the test bundle, else .build/debug/danvan.
    public static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["DANVAN_BIN"] { return URL(fileURLWithPath: path) }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("danvan")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/danvan")
    }

    /// Arguments are raw bytes so tests can pass invalid UTF-8, as a shell can.
    public static func run(_ arguments: [[UInt8]], stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        // Process takes Strings; bytes that are not UTF-8 go through a tiny shell wrapper instead.
        if arguments.allSatisfy({ String(validating: $0, as: UTF8.self) != nil }) {
            process.arguments = arguments.map { String(decoding: $0, as: UTF8.self) }
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // printf with octal escapes recreates each byte exactly.
            let quoted = arguments.map { bytes in "\"$(printf '" + bytes.map { String(format: "\\%03o", $0) }.joined() + "')\"" }
            process.arguments = ["-c", "exec \"\(executable.path)\" " + quoted.joined(separator: " ")]
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Standard input is written and standard error read on threads of their own: a child that
        // writes while it reads (classify) would otherwise fill a pipe and wait on this process.
        // A child that exits before reading all of it (a usage error) must fail the test, not kill
        // the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorBox = DataBox()
        let errorReader = Thread {
            errorBox.data = err.fileHandleForReading.readDataToEndOfFile()
            errorBox.done.signal()
        }
        errorReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errorBox.done.wait()
        let errData = errorBox.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    public static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try run(arguments.map { Array($0.utf8) }, stdin: stdin.map { Data($0.utf8) })
    }

    /// Standard error's bytes, handed from the thread that reads them once `done` is signalled.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }
}
