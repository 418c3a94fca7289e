/// A file (or a Maildir folder) that yields records one at a time, reading as it goes.
public protocol RecordSource: AnyObject {
    /// What the summary and the messages call it: the path as given.
    var name: String { get }
    /// For the progress bar.
    var bytesRead: Int { get }
    var totalBytes: Int { get }
    /// The next record or rejection; nil at the end. Throws only when the source as a whole
    /// cannot be read any further (the file vanished, a disk error).
    func next() throws -> IntakeItem?
}
