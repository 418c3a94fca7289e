/// One message in one file (.eml), as saved by a mail program.
public final class EmlSource: RecordSource {
    public let name: String
    public private(set) var bytesRead = 0
    public let totalBytes: Int
    private let file: ChunkedFile
    private var done = false

    public init(path: String) throws(SourceError) {
        name = path
        do { file = try ChunkedFile(path: path) } catch { throw SourceError(error.description) }
        totalBytes = file.size
        // Opened again when its turn comes: a command may name thousands of .eml files.
        file.park()
    }

    public func next() throws -> IntakeItem? {
        guard !done else { return nil }
        done = true
        if file.size > MailRecords.maximumMessageBytes {
            bytesRead = file.size
            return .rejected(Rejection(source: "\(name)#1", reason: "thư lớn hơn "
                + "\(MailRecords.maximumMessageBytes >> 20) MiB", raw: []))
        }
        var bytes: [UInt8] = []
        do {
            while try file.read(into: &bytes) > 0 {}
        } catch {
            // Gone or changed since the command started: this message is quarantined, the others go on.
            bytesRead = file.size
            return .rejected(Rejection(source: "\(name)#1", reason: error.description, raw: []))
        }
        bytesRead = bytes.count
        return MailRecords.item(bytes[...], source: "\(name)#1")
    }
}
