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
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        let end = body.endIndex
        let dash = UInt8(ascii: "-")
        while lineStart < end {
            // Find the end of this line.
            var lineEnd = lineStart
            while lineEnd < end, body[lineEnd] != 10 { lineEnd += 1 }
            let isDelimiter = lineEnd - lineStart >= boundary.count + 2 && body[lineStart] == dash && body[lineStart + 1] == dash
                && body[(lineStart + 2)..<(lineStart + 2 + boundary.count)].elementsEqual(boundary)
            if isDelimiter {
                let after = lineStart + 2 + boundary.count
                let closing = after + 1 < end && body[after] == dash && body[after + 1] == dash
                // Only blanks may follow the boundary on its line.
                let restStart = closing ? after + 2 : after
                let rest = body[min(restStart, lineEnd)..<lineEnd]
                if rest.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                    if let start = partStart {
                        var partEnd = lineStart
                        if partEnd > start, body[partEnd - 1] == 10 { partEnd -= 1 }
                        if partEnd > start, body[partEnd - 1] == 13 { partEnd -= 1 }
                        parts.append(body[start..<max(start, partEnd)])
                    }
                    if closing { return parts }
                    partStart = lineEnd < end ? lineEnd + 1 : end
                }
            }
            lineStart = lineEnd < end ? lineEnd + 1 : end
        }
        if let start = partStart, start < end { parts.append(body[start..<end]) }
        return parts
    }
}
