// libFuzzer target for the streamed CSV parser and the sheet encoding detection.
// Build and run: scripts/fuzz csv [SECONDS]   (see fuzz/README.md)
import FuzzDriver
import Intake
#if canImport(Glibc)
import Glibc
#endif

/// One input: its first byte chooses how the rest is cut into chunks; the records must be the
/// same as when the whole input is fed at once, and every record must carry its line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let step = Int(bytes[0] % 17) + 1
    let input = Array(bytes.dropFirst())
    let delimiter = CSVReader.detectDelimiter(input)
    func parse(chunk: Int) -> [CSVParser.Output] {
        var parser = CSVParser(delimiter: delimiter, maximumRecordBytes: 4096)
        var outputs: [CSVParser.Output] = []
        var start = 0
        while start < input.count {
            let end = min(input.count, start + chunk)
            parser.feed(Array(input[start..<end])) { outputs.append($0) }
            start = end
        }
        parser.finish { outputs.append($0) }
        return outputs
    }
    let whole = parse(chunk: max(1, input.count))
    precondition(parse(chunk: step) == whole, "chunking changed the records")
    var lastLine = 0
    // Each record's and each problem's bytes are the input's own, in the input's order.
    var position = input.startIndex
    for output in whole {
        let raw: [UInt8]
        switch output {
        case let .record(record):
            precondition(record.line > lastLine, "line numbers go backwards")
            lastLine = record.line
            raw = record.raw
        case let .problem(problem):
            precondition(problem.line > lastLine, "a problem's line number goes backwards")
            lastLine = problem.line
            raw = problem.raw
        }
        guard !raw.isEmpty else { continue }
        guard let found = input[position...].firstRange(of: raw) else { preconditionFailure("raw bytes not found in order") }
        position = found.upperBound
    }
    _ = SheetEncoding.detect(input)
    return 0
}

FuzzMain.run(fuzzCSV)
