public import Foundation

/// A running `danvan` with which a test converses line by line, killed if it hangs.
public final class InteractiveProcess: @unchecked Sendable {
    public let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private var pendingOutput = Data(), pendingErrors = Data()

    public init(_ arguments: [String], timeout: Double = 30) throws {
        process.executableURL = DanvanProcess.executable
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let process = self.process
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if process.isRunning { process.terminate() }
        }
    }

    public func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// The next line of standard output, or nil at its end.
    public func readLine() -> String? { Self.line(from: output.fileHandleForReading, buffer: &pendingOutput) }

    /// Reads standard error until a line contains `fragment`; returns that line, or nil at its end.
    public func waitForError(containing fragment: String) -> String? {
        while let line = Self.line(from: errors.fileHandleForReading, buffer: &pendingErrors) {
            if line.contains(fragment) { return line }
        }
        return nil
    }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Closes standard input and waits for the exit status.
    public func finish() -> Int32 {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static func line(from handle: FileHandle, buffer: inout Data) -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}
