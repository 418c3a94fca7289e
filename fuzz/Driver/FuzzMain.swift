public import FuzzSupport
#if canImport(Glibc)
import Glibc
#endif

/// The start of every fuzz target: libFuzzer when it is linked in, otherwise a replay of the
/// files named on the command line (to reproduce a crash file with a normal build).
public enum FuzzMain {
    public static func run(_ callback: danvan_fuzz_callback) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = danvan_fuzz_run_driver(&argc, &argv, callback)
        if status != -1 { exit(status) }
        let files = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        if files.isEmpty {
            print("built without -sanitize=fuzzer: give input files to replay them (see fuzz/README.md)")
        }
        for path in files {
            guard let file = fopen(path, "rb") else {
                print("cannot open \(path)")
                exit(1)
            }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = fread(&buffer, 1, buffer.count, file)
                if count <= 0 { break }
                bytes += buffer[0..<count]
            }
            fclose(file)
            _ = bytes.withUnsafeBufferPointer { callback($0.baseAddress, $0.count) }
            print("replayed \(path) (\(bytes.count) bytes)")
        }
        exit(0)
    }
}
