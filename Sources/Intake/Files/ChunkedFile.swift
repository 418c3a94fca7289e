internal import Foundation

/// A file read in fixed-size chunks with plain read(2), so a 2 GB dump streams in constant memory.
public final class ChunkedFile {
    public let path: String
    public let size: Int
    public private(set) var offset = 0
    private let descriptor: Int32

    public struct OpenError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(path: String) throws(OpenError) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw OpenError(description: "\(path): không mở được tệp (\(String(cString: strerror(errno))))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw OpenError(description: "\(path): không phải tệp thông thường (có thể là một thư mục)")
        }
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Up to `count` bytes appended to `buffer`; 0 at the end of the file.
    @discardableResult
    public func read(into buffer: inout [UInt8], count: Int = 1 << 20) -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        var got = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + start, count) }
            if n < 0 && errno == EINTR { continue }
            got = max(n, 0)
            break
        }
        buffer.removeLast(count - got)
        offset += got
        return got
    }
}
