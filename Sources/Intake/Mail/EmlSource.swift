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
        while file.read(into: &bytes) > 0 {}
        bytesRead = bytes.count
        return MailRecords.item(bytes[...], source: "\(name)#1")
    }
}
