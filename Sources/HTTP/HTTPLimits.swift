/// Bounds on what a client may send before it is refused.
public struct HTTPLimits: Sendable, Equatable {
    /// Longest request line, CRLF excluded: beyond it, 414.
    public var requestLine: Int
    /// Largest header block (all field lines and trailers of one request): beyond it, 431.
    public var headerBlock: Int
    /// Most header fields in one request: beyond it, 431.
    public var headerCount: Int
    /// Longest chunk-size line of a chunked body, extensions included.
    public var chunkLine: Int

    public static let defaultBodyLimit = 1 << 20

    public init(requestLine: Int = 8 * 1024, headerBlock: Int = 32 * 1024, headerCount: Int = 100,
                chunkLine: Int = 4 * 1024) {
        self.requestLine = requestLine
        self.headerBlock = headerBlock
        self.headerCount = headerCount
        self.chunkLine = chunkLine
    }
}
