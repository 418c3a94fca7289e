public import Foundation
public import Casework

/// One upload being imported, as its uploader follows it.
public struct ImportJob: Sendable {
    public enum Status: String, Sendable { case running, done, failed }

    public var id: String
    /// Who uploaded it: only they and admins may follow it.
    public var owner: String
    public var name: String
    public var status = Status.running
    public var records = 0
    public var bytesRead = 0
    public var totalBytes: Int
    public var summary: ImportSummary?
    /// Why it stopped, when it failed (what was committed before stays).
    public var error: String?
    public var started: Date
}
