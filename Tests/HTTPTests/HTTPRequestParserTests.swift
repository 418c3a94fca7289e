import Testing
@testable import HTTP

struct HTTPRequestParserTests {
    static let pipelined = "GET /a/b%20c?x=1&y=h%C3%A0+n%E1%BB%99i HTTP/1.1\r\nHost: h\r\nX-Two: a\r\nx-two: b\r\n\r\n"
        + "POST /submit HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
        + "PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
        + "4;name=value;flag\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Checksum: 42\r\n\r\n"
        + "\r\nGET / HTTP/1.0\r\n\r\n"

    @Test func parsesPipelinedRequests() throws {
        let outcome = HTTPRequestParser.feed(Self.pipelined)
        guard case .events(let events) = outcome else { Issue.record("refused: \(outcome)"); return }
        #expect(events.count == 5)
        #expect(events[2] == .expectContinue)
        let requests = outcome.requests
        #expect(requests.map(\.method) == [.get, .post, .put, .get])
        #expect(requests[0].path == "/a/b c")
        #expect(requests[0].pathSegments == ["a", "b c"])
        #expect(requests[0].query("y") == "hà nội")
        #expect(requests[0].headers["x-two"] == "a")
        #expect(requests[0].headers.values("X-TWO") == ["a", "b"])
        #expect(requests[1].body == Array("hello".utf8))
        #expect(requests[2].body == Array("Wikipedia".utf8))
        #expect(requests[2].trailers["x-checksum"] == "42")
        #expect(requests[3].version == .http10)
        #expect(!requests[3].keepAlive)
        #expect(requests[0].keepAlive)
    }

    @Test func everySplitPointGivesTheSameResult() {
        let bytes = Array(Self.pipelined.utf8)
        let whole = HTTPRequestParser.feed([bytes])
        for cut in 0...bytes.count {
            #expect(HTTPRequestParser.feed([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "cut at \(cut)")
        }
        #expect(HTTPRequestParser.feed(bytes.map { [$0] }) == whole)
        // Two cuts, a stride apart, to split lines and chunk sizes in the middle as well.
        for first in stride(from: 0, through: bytes.count, by: 7) {
            for second in stride(from: first, through: bytes.count, by: 11) {
                let pieces = [Array(bytes[..<first]), Array(bytes[first..<second]), Array(bytes[second...])]
                #expect(HTTPRequestParser.feed(pieces) == whole)
            }
        }
    }

    @Test func refusalsAreTheSameAtEverySplit() {
        let bytes = Array("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab".utf8)
        let whole = HTTPRequestParser.feed([bytes])
        #expect(whole.status == 400)
        #expect(whole.requests.count == 1)
        for cut in 0...bytes.count {
            #expect(HTTPRequestParser.feed([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole)
        }
    }

    /// Found by FuzzHTTP: a line longer than its limit that ends in a bare LF was refused as a bare
    /// LF (400) when it came whole, but as too long (414, 431) when it came in pieces, refused
    /// before its LF arrived. Too long is now judged first, whatever the cut.
    @Test(arguments: [
        ("request line", "GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\n", 414),
        ("header", "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + String(repeating: "b", count: 300) + "\n\r\n", 431),
        ("chunk size", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1;" + String(repeating: "e", count: 40) + "\n", 400),
    ])
    func aLongLineWithABareLFIsRefusedAlikeAtEverySplit(_ name: String, _ text: String, _ status: Int) {
        let limits = HTTPLimits(requestLine: 64, headerBlock: 256, headerCount: 6, chunkLine: 24)
        let bytes = Array(text.utf8)
        let whole = HTTPRequestParser.feed([bytes], limits: limits)
        #expect(whole.status == status, "\(name)")
        if name == "chunk size" {
            guard case .refused(_, let error) = whole else { return }
            #expect(error.code == "chunk_line", "too long, not a bare LF")
        }
        #expect(HTTPRequestParser.feed(bytes.map { [$0] }, limits: limits) == whole, "\(name), byte by byte")
        for cut in 0...bytes.count {
            #expect(HTTPRequestParser.feed([Array(bytes[..<cut]), Array(bytes[cut...])], limits: limits) == whole,
                    "\(name), cut at \(cut)")
        }
    }

    @Test(arguments: [
        ("both lengths", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("two lengths", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", 400),
        ("listed lengths", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 4\r\n\r\n", 400),
        ("signed length", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +3\r\n\r\n", 400),
        ("absolute form", "GET http://example.com/ HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("authority form", "CONNECT example.com:443 HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("asterisk form", "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("bad escape", "GET /a%zz HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("bad version", "GET / HTTP/1.x\r\nHost: h\r\n\r\n", 400),
        ("lowercase version", "GET / http/1.1\r\nHost: h\r\n\r\n", 400),
        ("HTTP/2", "GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505),
        ("double space", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("obsolete folding", "GET / HTTP/1.1\r\nHost: h\r\nX-A: one\r\n two\r\n\r\n", 400),
        ("space before colon", "GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400),
        ("bare LF", "GET / HTTP/1.1\nHost: h\r\n\r\n", 400),
        ("control in value", "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{1}b\r\n\r\n", 400),
        ("no host", "GET / HTTP/1.1\r\n\r\n", 400),
        ("two hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("gzip coding", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        ("chunked not last", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
        ("chunked in 1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("unknown expectation", "POST / HTTP/1.1\r\nHost: h\r\nExpect: magic\r\nContent-Length: 1\r\n\r\nx", 417),
        ("bad chunk size", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("chunk without CRLF", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n", 400),
        ("huge chunk size", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\n", 400),
    ])
    func refuses(_ name: String, _ text: String, _ status: Int) {
        let outcome = HTTPRequestParser.feed(text)
        #expect(outcome.status == status, "\(name): \(outcome)")
        #expect(outcome.requests.isEmpty, "\(name)")
    }

    @Test func enforcesLimits() {
        let longTarget = "GET /" + String(repeating: "a", count: 8 * 1024) + " HTTP/1.1\r\nHost: h\r\n\r\n"
        #expect(HTTPRequestParser.feed(longTarget).status == 414)
        // Refused before the line ends: a client cannot make the server buffer an endless line.
        #expect(HTTPRequestParser.feed("GET /" + String(repeating: "a", count: 9000)).status == 414)

        let bigHeader = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + String(repeating: "b", count: 33 * 1024) + "\r\n\r\n"
        #expect(HTTPRequestParser.feed(bigHeader).status == 431)
        let manyHeaders = "GET / HTTP/1.1\r\nHost: h\r\n" + (0..<100).map { "X-\($0): v\r\n" }.joined() + "\r\n"
        #expect(HTTPRequestParser.feed(manyHeaders).status == 431)
        let ninetyNine = "GET / HTTP/1.1\r\nHost: h\r\n" + (0..<99).map { "X-\($0): v\r\n" }.joined() + "\r\n"
        #expect(HTTPRequestParser.feed(ninetyNine).requests.count == 1)

        let limit: @Sendable (HTTPRequest) -> Int = { $0.path == "/upload" ? 10 : 4 }
        #expect(HTTPRequestParser.feed("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n", bodyLimit: limit).status == 413)
        #expect(HTTPRequestParser.feed("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789",
                                       bodyLimit: limit).requests.count == 1)
        let chunked = "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
        #expect(HTTPRequestParser.feed(chunked, bodyLimit: limit).status == 413)
        // The default: 1 MiB.
        #expect(HTTPRequestParser.feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1048577\r\n\r\n").status == 413)
    }

    @Test func expectContinueOnlyWhenABodyFollows() {
        let withBody = HTTPRequestParser.feed("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n")
        #expect(withBody == .events([.expectContinue]))
        let tooBig = HTTPRequestParser.feed("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n")
        #expect(tooBig.status == 413)
        let empty = HTTPRequestParser.feed("GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n")
        #expect(empty.requests.count == 1)
    }

    @Test func reportsPhases() throws {
        var parser = HTTPRequestParser()
        #expect(parser.phase == .idle)
        parser.append(Array("POST / HTTP/1.1\r\nHo".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.phase == .head)
        parser.append(Array("st: h\r\nContent-Length: 3\r\n\r\nab".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.phase == .body)
        parser.append([UInt8(ascii: "c")])
        #expect(try parser.next() != nil)
        #expect(parser.phase == .idle)
    }
}
