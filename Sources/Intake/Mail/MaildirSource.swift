internal import Foundation

/// A Maildir folder: every file in new/ and cur/ is one message (tmp/ holds deliveries in
/// progress and is skipped). Files are taken in name order, so an import is repeatable.
public final class MaildirSource: RecordSource {
    public let name: String
    public private(set) var bytesRead = 0
    public let totalBytes: Int
    private let files: [(path: String, size: Int)]
    private var index = 0

    public static func isMaildir(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return ["cur", "new"].allSatisfy {
            FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent($0), isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    public init(path: String) throws(SourceError) {
        name = path
        guard MaildirSource.isMaildir(path) else { throw SourceError("\(path): không phải thư mục Maildir (không có cur/ và new/)") }
        var files: [(String, Int)] = []
        for folder in ["new", "cur"] {
            let directory = (path as NSString).appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for entry in names {
                let file = (directory as NSString).appendingPathComponent(entry)
                let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
                files.append((file, size))
            }
        }
        self.files = files
        totalBytes = files.reduce(0) { $0 + $1.1 }
    }

    public func next() throws -> IntakeItem? {
        guard index < files.count else { return nil }
        let (path, size) = files[index]
        index += 1
        bytesRead += size
        if size > MailRecords.maximumMessageBytes {
            return .rejected(Rejection(source: path, reason: "thư lớn hơn \(MailRecords.maximumMessageBytes >> 20) MiB",
                                       raw: []))
        }
        let file: ChunkedFile
        do { file = try ChunkedFile(path: path) } catch {
            return .rejected(Rejection(source: path, reason: error.description, raw: []))
        }
        var bytes: [UInt8] = []
        do {
            while try file.read(into: &bytes) > 0 {}
        } catch {
            return .rejected(Rejection(source: path, reason: error.description, raw: []))
        }
        return MailRecords.item(bytes[...], source: path)
    }
}
