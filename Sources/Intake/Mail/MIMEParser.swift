#if canImport(Glibc)
internal import Glibc
#endif
/// Parses a message into its MIME tree. Never fails: whatever the bytes, the result is a part
/// (broken structure degrades to text, as mail readers do), so a hostile message cannot stop an
/// import. Nesting deeper than `maximumDepth` is kept as an opaque body.
enum MIMEParser {
    static let maximumDepth = 24

    static func parse(_ bytes: ArraySlice<UInt8>, depth: Int = 0, defaultType: String = "text/plain") -> MIMEPart {
        let (headers, bodyStart) = MailHeaders.parse(bytes)
        let body = bytes[min(bodyStart, bytes.endIndex)...]
        var parameters = HeaderParameters(headers.plain("Content-Type") ?? defaultType)
        if !parameters.value.contains("/") || parameters.value.contains(" ") {
            parameters = HeaderParameters(defaultType)
        }
        let disposition = headers.plain("Content-Disposition").map(HeaderParameters.init)
        var part = MIMEPart(headers: headers, mediaType: parameters.value, parameters: parameters,
                            disposition: disposition, body: body, parts: [])
        if part.isMultipart {
            if let boundary = parameters["boundary"], !boundary.isEmpty, depth < maximumDepth {
                let childType = part.mediaType == "multipart/digest" ? "message/rfc822" : "text/plain"
                part.parts = split(body, boundary: Array(boundary.utf8)).map {
                    parse($0, depth: depth + 1, defaultType: childType)
                }
            } else {
                // A multipart without a boundary cannot be split: read it as text (Python finds no body at
                // all; a petition sent by a broken mailer must not be lost).
                part.mediaType = "text/plain"
                part.parameters = HeaderParameters("text/plain")
            }
        }
        return part
    }

    /// The body parts between the delimiter lines "--boundary"; the line break before each
    /// delimiter belongs to the delimiter. Preamble and epilogue are dropped; a missing close
    /// delimiter ends the last part at the end of the input.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        // Offsets from the slice's start; the scan jumps from line end to line end with memchr.
        let offsets: [Range<Int>] = body.withUnsafeBufferPointer { p in
            var parts: [Range<Int>] = []
            guard let base = p.baseAddress else { return parts }
            let end = p.count
            let dash = UInt8(ascii: "-")
            var partStart: Int?
            var lineStart = 0
            while lineStart < end {
                let lineEnd = memchr(base + lineStart, 10, end - lineStart)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
                if lineEnd - lineStart >= boundary.count + 2, p[lineStart] == dash, p[lineStart + 1] == dash,
                   memcmp(base + lineStart + 2, boundary, boundary.count) == 0 {
                    let after = lineStart + 2 + boundary.count
                    let closing = after + 1 < end && p[after] == dash && p[after + 1] == dash
                    // Only blanks may follow the boundary on its line.
                    var rest = min(closing ? after + 2 : after, lineEnd)
                    while rest < lineEnd, p[rest] == 32 || p[rest] == 9 || p[rest] == 13 { rest += 1 }
                    if rest == lineEnd {
                        if let start = partStart {
                            var partEnd = lineStart
                            if partEnd > start, p[partEnd - 1] == 10 { partEnd -= 1 }
                            if partEnd > start, p[partEnd - 1] == 13 { partEnd -= 1 }
                            parts.append(start..<max(start, partEnd))
                        }
                        if closing { return parts }
                        partStart = lineEnd < end ? lineEnd + 1 : end
                    }
                }
                lineStart = lineEnd < end ? lineEnd + 1 : end
            }
            if let start = partStart, start < end { parts.append(start..<end) }
            return parts
        }
        let origin = body.startIndex
        return offsets.map { body[(origin + $0.lowerBound)..<(origin + $0.upperBound)] }
    }
}
