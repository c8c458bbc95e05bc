import HookHTTP
import Testing

/// One malformed message and the error the parser must report for it.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    let rule: String
    let kind: HTTPParser.Kind
    let bytes: [UInt8]
    let expected: HTTPParseError
    let limits: HTTPLimits

    init(
        _ rule: String, _ kind: HTTPParser.Kind, _ text: String, _ expected: HTTPParseError,
        limits: HTTPLimits = .standard
    ) {
        self.rule = rule
        self.kind = kind
        self.bytes = Array(text.utf8)
        self.expected = expected
        self.limits = limits
    }

    init(_ rule: String, _ kind: HTTPParser.Kind, bytes: [UInt8], _ expected: HTTPParseError) {
        self.rule = rule
        self.kind = kind
        self.bytes = bytes
        self.expected = expected
        self.limits = .standard
    }

    var testDescription: String { rule }
}

private let get = "GET / HTTP/1.1\r\nHost: a\r\n"
private let post = "POST /hooks HTTP/1.1\r\nHost: a\r\n"
private let chunked = post + "Transfer-Encoding: chunked\r\n\r\n"
private let ok = "HTTP/1.1 200 OK\r\n"

let malformedCases: [MalformedCase] = [
    // Line endings (RFC 9112 §2.2)
    .init("bare LF ends the request line", .request, "GET / HTTP/1.1\nHost: a\n\n", .bareLineFeed(line: 1)),
    .init("bare LF ends a field line", .request, "GET / HTTP/1.1\r\nHost: a\n\r\n", .bareLineFeed(line: 2)),
    .init("bare CR inside a field value", .request, get + "X-A: b\rc\r\n\r\n", .bareCarriageReturn(line: 3)),
    .init("bare LF ends a status line", .response, "HTTP/1.1 200 OK\n\n", .bareLineFeed(line: 1)),
    // Request line (RFC 9112 §3)
    .init("request line without version", .request, "GET /\r\nHost: a\r\n\r\n", .invalidRequestLine("GET /")),
    .init("two spaces after the method", .request, "GET  / HTTP/1.1\r\n\r\n", .invalidRequestLine("GET  / HTTP/1.1")),
    .init(
        "trailing space on the request line", .request, "GET / HTTP/1.1 \r\n\r\n",
        .invalidRequestLine("GET / HTTP/1.1 ")),
    .init("method is not a token", .request, "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", .invalidMethod("G(T")),
    .init("target has a fragment", .request, "GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", .invalidTarget("/a#b")),
    .init("target has non-ASCII bytes", .request, "GET /é HTTP/1.1\r\nHost: a\r\n\r\n", .invalidTarget("/é")),
    .init("target is relative", .request, "GET a/b HTTP/1.1\r\nHost: a\r\n\r\n", .invalidTarget("a/b")),
    .init("asterisk target outside OPTIONS", .request, "GET * HTTP/1.1\r\nHost: a\r\n\r\n", .invalidTarget("*")),
    .init("lowercase protocol name", .request, "GET / http/1.1\r\nHost: a\r\n\r\n", .invalidVersion("http/1.1")),
    .init("two-digit minor version", .request, "GET / HTTP/1.10\r\nHost: a\r\n\r\n", .invalidVersion("HTTP/1.10")),
    .init(
        "HTTP/2.0 on an HTTP/1 connection", .request, "GET / HTTP/2.0\r\nHost: a\r\n\r\n",
        .unsupportedVersion("HTTP/2.0")),
    // Field lines (RFC 9112 §5, RFC 9110 §5)
    .init("obsolete line folding", .request, get + "X-A: b\r\n c\r\n\r\n", .obsoleteLineFolding(line: 4)),
    .init(
        "whitespace before the first field", .request, "GET / HTTP/1.1\r\n Host: a\r\n\r\n",
        .whitespaceBeforeFirstField(line: 2)),
    .init("field line without a colon", .request, "GET / HTTP/1.1\r\nHost a\r\n\r\n", .missingColon(line: 2)),
    .init(
        "space before the colon", .request, "GET / HTTP/1.1\r\nHost : a\r\n\r\n", .whitespaceBeforeColon(name: "Host")),
    .init("tab before the colon", .request, get + "X-A\t: b\r\n\r\n", .whitespaceBeforeColon(name: "X-A")),
    .init("field name is not a token", .request, get + "X(A): b\r\n\r\n", .invalidHeaderName("X(A)")),
    .init("empty field name", .request, get + ": b\r\n\r\n", .invalidHeaderName("")),
    .init(
        "NUL in a field value", .request, bytes: Array((get + "X-A: b").utf8) + [0] + Array("c\r\n\r\n".utf8),
        .invalidHeaderValue(name: "X-A")),
    .init(
        "DEL in a field value", .request, bytes: Array((get + "X-A: b").utf8) + [0x7F] + Array("\r\n\r\n".utf8),
        .invalidHeaderValue(name: "X-A")),
    .init(
        "head larger than the limit", .request, get + "X-A: " + String(repeating: "a", count: 200) + "\r\n\r\n",
        .headersTooLarge(limit: 128), limits: HTTPLimits(maxHeaderBytes: 128)),
    .init(
        "head without an end larger than the limit", .request, get + String(repeating: "a", count: 200),
        .headersTooLarge(limit: 128), limits: HTTPLimits(maxHeaderBytes: 128)),
    .init(
        "more fields than the limit", .request, get + "A: 1\r\nB: 2\r\nC: 3\r\n\r\n", .tooManyHeaderFields(limit: 3),
        limits: HTTPLimits(maxHeaderFields: 3)),
    .init("HTTP/1.1 request without Host", .request, "GET / HTTP/1.1\r\nX-A: b\r\n\r\n", .missingHost),
    .init("two Host fields", .request, get + "Host: b\r\n\r\n", .multipleHost),
    // Content-Length (RFC 9112 §6.3)
    .init(
        "Content-Length is not a number", .request, post + "Content-Length: abc\r\n\r\n", .invalidContentLength("abc")),
    .init("Content-Length is negative", .request, post + "Content-Length: -1\r\n\r\n", .negativeContentLength("-1")),
    .init("Content-Length has a plus sign", .request, post + "Content-Length: +5\r\n\r\n", .invalidContentLength("+5")),
    .init("Content-Length is empty", .request, post + "Content-Length:\r\n\r\n", .invalidContentLength("")),
    .init(
        "Content-Length overflows", .request, post + "Content-Length: 99999999999999999999\r\n\r\n",
        .invalidContentLength("99999999999999999999")),
    .init(
        "Content-Length is hexadecimal", .request, post + "Content-Length: 0x10\r\n\r\n", .invalidContentLength("0x10")),
    .init(
        "two different Content-Length fields", .request, post + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n",
        .conflictingContentLength(["5", "6"])),
    .init(
        "Content-Length list with different values", .request, post + "Content-Length: 5, 6\r\n\r\n",
        .conflictingContentLength(["5", "6"])),
    .init(
        "Content-Length with Transfer-Encoding", .request,
        post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", .contentLengthWithTransferEncoding),
    .init(
        "Content-Length over the body limit", .request, post + "Content-Length: 11\r\n\r\n", .bodyTooLarge(limit: 10),
        limits: HTTPLimits(maxBodyBytes: 10)),
    // Transfer-Encoding (RFC 9112 §6.1)
    .init(
        "gzip before chunked", .request, post + "Transfer-Encoding: gzip, chunked\r\n\r\n",
        .unsupportedTransferEncoding("gzip, chunked")),
    .init(
        "chunked before gzip in a request", .request, post + "Transfer-Encoding: chunked, gzip\r\n\r\n",
        .chunkedNotFinal("chunked, gzip")),
    .init(
        "chunked applied twice", .request, post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
        .chunkedNotFinal("chunked, chunked")),
    .init(
        "request coding without chunked", .request, post + "Transfer-Encoding: gzip\r\n\r\n", .chunkedNotFinal("gzip")),
    // Chunked body (RFC 9112 §7.1)
    .init("chunk size is not hexadecimal", .request, chunked + "zz\r\n", .invalidChunkSize("zz")),
    .init(
        "chunk size overflows", .request, chunked + "fffffffffffffffffff\r\n", .invalidChunkSize("fffffffffffffffffff")),
    .init("chunk size with leading space", .request, chunked + " 5\r\nhello\r\n0\r\n\r\n", .invalidChunkSize(" 5")),
    .init("chunk size followed by garbage", .request, chunked + "5x\r\nhello\r\n0\r\n\r\n", .invalidChunkSize("5x")),
    .init(
        "chunk size line longer than 4 KiB", .request, chunked + "5;" + String(repeating: "a", count: 5000),
        .invalidChunkSize("5;" + String(repeating: "a", count: 38))),
    .init(
        "chunk extension without a name", .request, chunked + "5;=x\r\nhello\r\n0\r\n\r\n",
        .invalidChunkExtension(";=x")),
    .init(
        "chunk extension with an unterminated quote", .request, chunked + "5;a=\"b\r\nhello\r\n0\r\n\r\n",
        .invalidChunkExtension(";a=\"b")),
    .init("chunk data longer than its size", .request, chunked + "3\r\nabcX\r\n0\r\n\r\n", .missingChunkTerminator),
    .init(
        "chunked body over the limit", .request, chunked + "b\r\nhello world\r\n0\r\n\r\n", .bodyTooLarge(limit: 10),
        limits: HTTPLimits(maxBodyBytes: 10)),
    .init(
        "obsolete folding in a trailer", .request, chunked + "0\r\nX-T: a\r\n b\r\n\r\n", .obsoleteLineFolding(line: 7)),
    .init("trailer without a colon", .request, chunked + "0\r\nX-T a\r\n\r\n", .missingColon(line: 6)),
    // Status line (RFC 9112 §4)
    .init("two-digit status code", .response, "HTTP/1.1 20 OK\r\n\r\n", .invalidStatusCode("20")),
    .init("status code with letters", .response, "HTTP/1.1 abc OK\r\n\r\n", .invalidStatusCode("abc")),
    .init("status code above 599", .response, "HTTP/1.1 600 Nope\r\n\r\n", .invalidStatusCode("600")),
    .init("status line without a code", .response, "HTTP/1.1\r\n\r\n", .invalidStatusLine("HTTP/1.1")),
    .init("status line with a short version", .response, "HTTP/2 200 OK\r\n\r\n", .invalidVersion("HTTP/2")),
    .init("status line from another protocol", .response, "ICY 200 OK\r\n\r\n", .invalidVersion("ICY")),
    .init(
        "control byte in the reason phrase", .response,
        bytes: Array("HTTP/1.1 200 O".utf8) + [1] + Array("K\r\n\r\n".utf8), .invalidStatusLine("HTTP/1.1 200 O\u{1}K")),
    .init(
        "response with Content-Length and Transfer-Encoding", .response,
        ok + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n", .contentLengthWithTransferEncoding),
    .init(
        "response with an unsupported coding", .response, ok + "Transfer-Encoding: gzip\r\n\r\n",
        .unsupportedTransferEncoding("gzip")),
    .init(
        "response with a bad Content-Length", .response, ok + "Content-Length: 1.5\r\n\r\n",
        .invalidContentLength("1.5")),
    .init("response with obsolete folding", .response, ok + "X-A: b\r\n\tc\r\n\r\n", .obsoleteLineFolding(line: 3)),
    .init(
        "response with a bad chunk size", .response, ok + "Transfer-Encoding: chunked\r\n\r\n-1\r\n",
        .invalidChunkSize("-1")),
]

@Suite struct HTTPParserMalformedTests {
    @Test func tableHasAtLeastFortyDistinctRules() {
        #expect(malformedCases.count >= 40)
        #expect(Set(malformedCases.map(\.rule)).count == malformedCases.count)
    }

    @Test(arguments: malformedCases)
    func malformedMessageIsRejectedWholeAndBytewise(_ testCase: MalformedCase) {
        var whole = HTTPParser(kind: testCase.kind, limits: testCase.limits)
        #expect(throws: testCase.expected) { _ = try whole.parse(testCase.bytes) }

        var bytewise = HTTPParser(kind: testCase.kind, limits: testCase.limits)
        let error = #expect(throws: HTTPParseError.self) {
            for byte in testCase.bytes { _ = try bytewise.parse([byte]) }
        }
        #expect(error == testCase.expected)
    }

    @Test func errorsAreSticky() throws {
        var parser = HTTPParser(kind: .request)
        #expect(throws: HTTPParseError.missingHost) { _ = try parser.parse(Array("GET / HTTP/1.1\r\n\r\n".utf8)) }
        #expect(throws: HTTPParseError.missingHost) { _ = try parser.parse(Array(get.utf8) + [13, 10]) }
    }

    @Test func connectionClosedMidBodyIsIncomplete() throws {
        var parser = HTTPParser(kind: .request)
        _ = try parser.parse(Array((post + "Content-Length: 10\r\n\r\nabc").utf8))
        #expect(throws: HTTPParseError.incompleteMessage) { _ = try parser.finish() }
    }

    @Test(arguments: [
        (HTTPParseError.headersTooLarge(limit: 1), 431), (.tooManyHeaderFields(limit: 1), 431),
        (.bodyTooLarge(limit: 1), 413), (.unsupportedTransferEncoding("gzip"), 501),
        (.unsupportedVersion("HTTP/2.0"), 505), (.missingHost, 400), (.invalidChunkSize("z"), 400),
    ])
    func errorMapsToStatus(_ error: HTTPParseError, _ status: Int) {
        #expect(error.status == status)
    }

    @Test func descriptionQuotesValueButNeverHeaderValue() {
        #expect(
            HTTPParseError.invalidContentLength("abc").description
                == "invalid Content-Length 'abc': not a decimal number")
        #expect(HTTPParseError.invalidHeaderValue(name: "X-Secret").description.contains("X-Secret"))
        #expect(HTTPParseError.invalidRequestLine("GET\r\n").description.contains("\\r\\n"))
    }
}
