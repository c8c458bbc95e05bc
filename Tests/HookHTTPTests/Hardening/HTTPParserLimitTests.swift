import Testing

@testable import HookHTTP

/// Each parser limit at its exact value (accepted) and one past it (rejected with the matching error),
/// whole and byte by byte.
@Suite("HTTP parser limits")
struct HTTPParserLimitTests {
    /// A request whose head (request line, fields, blank line) is exactly `bytes` long.
    static func request(headBytes bytes: Int) -> [UInt8] {
        let fixed = Array("GET / HTTP/1.1\r\nHost: a\r\nX-Pad: \r\n\r\n".utf8)
        return Array(
            "GET / HTTP/1.1\r\nHost: a\r\nX-Pad: \(String(repeating: "p", count: bytes - fixed.count))\r\n\r\n".utf8)
    }

    /// A request with `count` header fields, Host included.
    static func request(fields count: Int) -> [UInt8] {
        let extra = (1..<count).map { "X-\($0): \($0)\r\n" }.joined()
        return Array("GET / HTTP/1.1\r\nHost: a\r\n\(extra)\r\n".utf8)
    }

    static func outcome(_ bytes: [UInt8], limits: HTTPLimits, bytewise: Bool) -> Result<HTTPRequest, HTTPParseError>? {
        var parser = HTTPParser(kind: .request, limits: limits)
        do {
            for piece in bytewise ? bytes.map { [$0] } : [bytes] {
                parser.append(piece)
                while let event = try parser.next() {
                    if case .request(let request) = event { return .success(request) }
                }
            }
            return nil
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: [false, true])
    func headBytesAtLimitPassAndOnePastIs431(bytewise: Bool) throws {
        let limits = HTTPLimits(maxHeaderBytes: 256)
        #expect(Self.request(headBytes: 256).count == 256)
        let atLimit = try #require(Self.outcome(Self.request(headBytes: 256), limits: limits, bytewise: bytewise))
        #expect(throws: Never.self) { try atLimit.get() }
        let past = Self.outcome(Self.request(headBytes: 257), limits: limits, bytewise: bytewise)
        #expect(past == .failure(.headersTooLarge(limit: 256)))
        #expect(HTTPParseError.headersTooLarge(limit: 256).status == 431)
    }

    @Test func headBytesDefaultIs64KiB() throws {
        let atLimit = try #require(Self.outcome(Self.request(headBytes: 65_536), limits: .standard, bytewise: false))
        #expect(throws: Never.self) { try atLimit.get() }
        let past = Self.outcome(Self.request(headBytes: 65_537), limits: .standard, bytewise: false)
        #expect(past == .failure(.headersTooLarge(limit: 65_536)))
    }

    @Test(arguments: [false, true])
    func fieldCountAtLimitPassesAndOnePastIs431(bytewise: Bool) throws {
        let atLimit = try #require(Self.outcome(Self.request(fields: 200), limits: .standard, bytewise: bytewise))
        #expect((try? atLimit.get())?.headers.count == 200)
        let past = Self.outcome(Self.request(fields: 201), limits: .standard, bytewise: bytewise)
        #expect(past == .failure(.tooManyHeaderFields(limit: 200)))
        #expect(HTTPParseError.tooManyHeaderFields(limit: 200).status == 431)
    }

    @Test(arguments: [false, true])
    func bodyAtLimitPassesAndOnePastIs413(bytewise: Bool) throws {
        let limits = HTTPLimits(maxBodyBytes: 64)
        func fixed(_ count: Int) -> [UInt8] {
            Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(count)\r\n\r\n".utf8)
                + Array(repeating: 0x61, count: count)
        }
        func chunked(_ count: Int) -> [UInt8] {
            let half = count / 2
            let rest = count - half
            return Array("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
                + Array(String(half, radix: 16).utf8) + [13, 10] + Array(repeating: 0x61, count: half) + [13, 10]
                + Array(String(rest, radix: 16).utf8) + [13, 10] + Array(repeating: 0x62, count: rest) + [13, 10]
                + Array("0\r\n\r\n".utf8)
        }
        for make in [fixed, chunked] {
            let atLimit = try #require(Self.outcome(make(64), limits: limits, bytewise: bytewise))
            #expect((try? atLimit.get())?.body.count == 64)
            #expect(Self.outcome(make(65), limits: limits, bytewise: bytewise) == .failure(.bodyTooLarge(limit: 64)))
        }
        #expect(HTTPParseError.bodyTooLarge(limit: 64).status == 413)
    }

    @Test func bodyDefaultIs10MiB() throws {
        let limit = 10 * 1024 * 1024
        var parser = HTTPParser(kind: .request)
        let head = Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(limit)\r\n\r\n".utf8)
        let events = try parser.parse(head + [UInt8](repeating: 0x61, count: limit))
        #expect(events.count == 2)
        var past = HTTPParser(kind: .request)
        #expect(throws: HTTPParseError.bodyTooLarge(limit: limit)) {
            try past.parse(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(limit + 1)\r\n\r\n".utf8))
        }
    }
}
