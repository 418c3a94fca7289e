// libFuzzer target for the e-mail reader: headers, RFC 2047/2231, MIME trees, transfer
// encodings, charsets, HTML, dates, addresses. Build and run: scripts/fuzz mime [SECONDS]
import FuzzDriver
import Intake
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let message = MailMessage(parsing: bytes[...])
    for attachment in message.attachments {
        precondition(attachment.size == attachment.content.count && attachment.sha256.utf8.count == 64)
    }
    // The text must be valid Unicode that survives a round trip through UTF-8.
    precondition(String(decoding: Array(message.text.utf8), as: UTF8.self) == message.text)
    _ = message.date?.iso
    return 0
}

FuzzMain.run(fuzzMIME)
