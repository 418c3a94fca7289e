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
    for output in whole {
        if case let .record(record) = output {
            precondition(record.line > lastLine, "line numbers go backwards")
            lastLine = record.line
        }
    }
    _ = SheetEncoding.detect(input)
    return 0
}

FuzzMain.run(fuzzCSV)
