/// One entity of a MIME message (RFC 2045/2046): its header, and either its body or, for a
/// multipart, its parts. Bodies stay transfer-encoded until asked for.
struct MIMEPart: Sendable {
    var headers: MailHeaders
    /// "text/plain", lowercased; text/plain when the header is missing or broken (RFC 2045 §5.2).
    var mediaType: String
    var parameters: HeaderParameters
    var disposition: HeaderParameters?
    var body: ArraySlice<UInt8>
    var parts: [MIMEPart]

    var mainType: Substring { mediaType.split(separator: "/").first ?? "text" }
    var isMultipart: Bool { mainType == "multipart" }
    var isAttachment: Bool { disposition?.value == "attachment" }

    /// The file name: Content-Disposition's filename, else Content-Type's name (older mailers).
    var filename: String? {
        let name = disposition?["filename"] ?? parameters["name"]
        return name.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The body with its transfer encoding undone.
    var decodedBody: [UInt8] {
        TransferEncoding.decode(body, encoding: headers.plain("Content-Transfer-Encoding"))
    }

    /// A text body decoded in its charset (guessed when missing or wrong), lines ending in LF.
    var text: String {
        let decoded = MailCharset.decodeOrGuess(decodedBody, charset: parameters["charset"])
        guard decoded.utf8.contains(13) else { return decoded }
        return decoded.replacingLineBreaks
    }
}

extension String {
    /// CRLF and lone CR as LF.
    var replacingLineBreaks: String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for byte in utf8 {
            if byte == 13 {
                out.append(10)
                previousCR = true
            } else {
                if !(byte == 10 && previousCR) { out.append(byte) }
                previousCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
