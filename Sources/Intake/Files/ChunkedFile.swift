internal import Foundation

/// A file read in fixed-size chunks with plain read(2), so a 2 GB dump streams in constant memory.
///
/// The descriptor is closed at the end of the file and by `park()`, and opened again (at the same
/// offset) by the next read: an import of thousands of .eml files holds one open at a time.
public final class ChunkedFile {
    public let path: String
    public let size: Int
    public private(set) var offset = 0
    private var descriptor: Int32
    /// The file's device and inode: a reopened path must still be this file.
    private let identity: (device: UInt64, inode: UInt64)

    public struct OpenError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(path: String) throws(OpenError) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw OpenError(description: "\(path): không mở được tệp (\(ChunkedFile.reason(errno)))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw OpenError(description: "\(path): không phải tệp thông thường (có thể là một thư mục)")
        }
        size = Int(info.st_size)
        identity = (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    deinit { park() }

    /// Closes the descriptor until the next read.
    public func park() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Up to `count` bytes appended to `buffer`; 0 at the end of the file. Throws when the file
    /// can no longer be read (it vanished before being opened again, a disk error): the caller
    /// must not take a read error for the end of the file.
    @discardableResult
    public func read(into buffer: inout [UInt8], count: Int = 1 << 20) throws(OpenError) -> Int {
        if descriptor < 0 {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw OpenError(description: "\(path): không mở lại được tệp (\(ChunkedFile.reason(errno)))")
            }
            // Replaced meanwhile (saved again by an editor, synced): reading on would splice two files.
            var info = stat()
            guard fstat(descriptor, &info) == 0, UInt64(info.st_dev) == identity.device, UInt64(info.st_ino) == identity.inode else {
                park()
                throw OpenError(description: "\(path): tệp đã bị thay bằng tệp khác trong khi nhập; hãy nhập lại")
            }
            guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
                let reason = ChunkedFile.reason(errno)
                park()
                throw OpenError(description: "\(path): không đọc tiếp được từ byte \(offset) (\(reason))")
            }
        }
        // No more than what is left (and one byte to see the end): a small .eml costs no megabyte.
        // A file that grew since it was opened is read on in blocks of 64 KiB.
        let want = offset < size ? min(count, size - offset + 1) : min(count, 64 << 10)
        let start = buffer.count
        buffer.append(contentsOf: [UInt8](repeating: 0, count: want))
        var got = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + start, want) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = ChunkedFile.reason(errno)
                buffer.removeLast(want)
                throw OpenError(description: "\(path): lỗi đọc tệp ở byte \(offset) (\(reason))")
            }
            got = n
            break
        }
        buffer.removeLast(want - got)
        offset += got
        if got == 0 {
            park()
            // Shorter than when it was opened: cut while being read, not the end of the data.
            if offset < size {
                throw OpenError(description: "\(path): tệp bị cắt ngắn trong khi nhập (đọc được \(offset) trên \(size) byte)")
            }
        }
        return got
    }

    /// Why a call failed, in Vietnamese for the errors people meet; the system's words otherwise.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "không có tệp hoặc thư mục này"
        case EACCES, EPERM: "không có quyền đọc"
        case EISDIR: "đây là một thư mục"
        case EMFILE, ENFILE: "quá nhiều tệp đang mở"
        case EIO: "lỗi vào/ra của ổ đĩa"
        default: "\(String(cString: strerror(code))), errno \(code)"
        }
    }
}
