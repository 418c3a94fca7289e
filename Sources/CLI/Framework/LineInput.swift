import Foundation
import Domain

/// "Commands that read lines read one item per line from stdin when no argument is given."
enum LineInput {
    /// Calls `body` with the argument, or with each line of standard input (number from 1).
    /// A line that is not UTF-8 is reported on stderr with its number, and the others go on.
    static func forEach(argument: String?, field: String, _ body: (String, Int) throws -> Void) throws {
        if let argument {
            try body(argument, 0)
            return
        }
        var failed = false
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            do {
                try body(line, number)
            } catch {
                StandardStreams.printError("error: stdin:\(number): \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
