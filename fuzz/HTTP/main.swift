// libFuzzer target for the incremental HTTP/1.1 request parser (HTTPRequestParser).
// Build and run: scripts/fuzz http [SECONDS]   (see fuzz/README.md)
import FuzzDriver
import HTTP
#if canImport(Glibc)
import Glibc
#endif

/// What one way of feeding the input produced: the events in order, then the refusal if any.
struct Outcome: Equatable {
    var events: [HTTPRequestParser.Event] = []
    var refusal: HTTPError?
}

enum Setup {
    /// Small limits, so that short inputs reach every limit; or the server's defaults.
    static let smallLimits = HTTPLimits(requestLine: 64, headerBlock: 256, headerCount: 6, chunkLine: 24)
    static let defaultLimits = HTTPLimits()

    /// The body limit the parser asks per request: it depends on the head, as a router's does.
    static func bodyLimit(small: Bool) -> @Sendable (HTTPRequest) -> Int {
        { request in
            let base = small ? 48 : HTTPLimits.defaultBodyLimit
            return request.method == .post ? base : base / 4
        }
    }
}

/// Header bytes a field must have taken on the wire at least: `Name:value` and CRLF. A byte that
/// was not UTF-8 became U+FFFD (three bytes in the String), so every U+FFFD counts as one byte.
func wireBytes(_ headers: HTTPHeaders) -> Int {
    func bytes(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : String($1).utf8.count) }
    }
    return headers.reduce(0) { $0 + bytes($1.name) + 1 + bytes($1.value) + 2 }
}

/// One input: the first byte chooses the chunk size (1–17) and the limits; the rest is the stream.
/// Whole and in chunks, the parser must give the same requests and the same refusal; a refusal
/// must stick; every request must respect the body limit and the header limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let step = Int(bytes[0] % 17) + 1
    let small = bytes[0] & 0x80 != 0
    let limits = small ? Setup.smallLimits : Setup.defaultLimits
    let limitFor = Setup.bodyLimit(small: small)
    let input = Array(bytes.dropFirst())

    func parse(chunk: Int) -> Outcome {
        var parser = HTTPRequestParser(limits: limits, bodyLimit: limitFor)
        var outcome = Outcome()
        var start = 0
        repeat {
            let end = min(input.count, start + chunk)
            parser.append(input[start..<end])
            start = end
            do {
                while let event = try parser.next() { outcome.events.append(event) }
            } catch {
                outcome.refusal = error
                // A refused parser stays refused: asked again, or given more bytes, it throws the same.
                for extra in [[], Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8)] {
                    parser.append(extra)
                    do {
                        _ = try parser.next()
                        preconditionFailure("a refused parser went on")
                    } catch {
                        precondition(error == outcome.refusal, "a refused parser changed its refusal")
                    }
                }
                return outcome
            }
        } while start < input.count
        return outcome
    }

    let whole = parse(chunk: max(1, input.count))
    let chunked = parse(chunk: step)
    precondition(chunked == whole, "chunking changed the outcome: \(whole) / \(chunked)")

    for event in whole.events {
        guard case .request(let request) = event else { continue }
        precondition(request.body.count <= limitFor(request), "a body is larger than its limit")
        precondition(request.headers.count + request.trailers.count <= limits.headerCount, "too many header fields")
        precondition(wireBytes(request.headers) + wireBytes(request.trailers) <= limits.headerBlock, "the header block is too large")
        precondition(request.target.utf8.count <= limits.requestLine, "the request target is longer than the request line")
        precondition(request.target.utf8.first == UInt8(ascii: "/"), "a target that is not origin-form")
    }
    return 0
}

FuzzMain.run(fuzzHTTP)
