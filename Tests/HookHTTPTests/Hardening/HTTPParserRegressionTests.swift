import Testing

@testable import HookHTTP

/// Regressions found while hardening the parser; each names what was wrong.
@Suite("HTTP parser regressions")
struct HTTPParserRegressionTests {
    static func chunked(chunks: Int, extensionBytes: Int = 0) -> [UInt8] {
        let ext = extensionBytes > 0 ? ";" + String(repeating: "e", count: extensionBytes - 1) : ""
        var bytes = Array("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        for _ in 0..<chunks { bytes += Array("1\(ext)\r\nx\r\n".utf8) }
        return bytes + Array("0\r\n\r\n".utf8)
    }

    /// The 4 KiB chunk-size line limit used to count every chunk-size line of a body together, so a
    /// body of more than about 1,400 small chunks was rejected as an invalid chunk size.
    @Test(arguments: [false, true])
    func manySmallChunksAreOneBody(bytewise: Bool) throws {
        let bytes = Self.chunked(chunks: 3000)
        var parser = HTTPParser(kind: .request)
        var events: [HTTPParser.Event] = []
        for piece in bytewise ? bytes.map { [$0] } : [bytes] {
            events += try parser.parse(piece)
        }
        guard case .request(let request) = events.last else {
            Issue.record("no request parsed")
            return
        }
        #expect(request.body == [UInt8](repeating: 0x78, count: 3000))
    }

    /// The chunk-size line limit still holds per line: 4096 bytes with extensions pass, 4097 do not.
    @Test func chunkSizeLineAtLimitPassesOnePastFails() throws {
        var atLimit = HTTPParser(kind: .request)
        // "1" + extension + CRLF = 4096 bytes.
        let events = try atLimit.parse(Self.chunked(chunks: 1, extensionBytes: 4093))
        #expect(events.count == 2)
        var past = HTTPParser(kind: .request)
        #expect(throws: HTTPParseError.self) { try past.parse(Self.chunked(chunks: 1, extensionBytes: 4094)) }
    }
}
