import Intake
/// How far an import has got, for the progress bar.
public struct ImportProgress: Sendable {
    public var records: Int
    public var bytesRead: Int
    public var totalBytes: Int
    public var seconds: Double
}
