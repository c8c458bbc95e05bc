import HookHTTP
import Testing

@Suite struct HTTPParserTests {
    private func requests(_ text: String, limits: HTTPLimits = .standard) throws -> [HTTPRequest] {
        var parser = HTTPParser(kind: .request, limits: limits)
        return try parser.parse(Array(text.utf8)).compactMap {
            if case .request(let request) = $0 { return request }
            return nil
        }
    }

    @Test func simpleGetKeepsHeaderOrderAndDuplicates() throws {
        let parsed = try requests("GET /a?b=1 HTTP/1.1\r\nHost: x\r\nX-B: 1\r\nx-b: 2 \r\n\r\n")
        #expect(parsed.count == 1)
        let request = try #require(parsed.first)
        #expect(request.method == "GET")
        #expect(request.target == "/a?b=1")
        #expect(request.headers.fields.map(\.name) == ["Host", "X-B", "x-b"])
        #expect(request.headers.values(for: "X-B") == ["1", "2"])
        #expect(request.body.isEmpty)
    }

    @Test func contentLengthBodyIsKeptByteExact() throws {
        let body = "{\"a\": 1,\n \"b\":\"\u{e9}\"}"
        let parsed = try requests("POST /h HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body)
        #expect(parsed.first?.body == Array(body.utf8))
    }

    @Test func chunkedBodyWithExtensionsAndTrailersIsDecoded() throws {
        let text =
            "POST /h HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value;q=\"a \\\"b\"\r\nhello\r\n1 ; ext\r\n \r\n6\r\nworld!\r\n0\r\nX-Sum: 1\r\nX-Sum: 2\r\n\r\n"
        let request = try #require(try requests(text).first)
        #expect(request.body == Array("hello world!".utf8))
        #expect(request.trailers.values(for: "x-sum") == ["1", "2"])
    }

    @Test func pipelinedRequestsComeOutInOrder() throws {
        let one = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
        let two = "POST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
        let three = "POST /3 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n"
        let parsed = try requests(one + two + three)
        #expect(parsed.map(\.target) == ["/1", "/2", "/3"])
        #expect(parsed.map(\.body) == [[], Array("abc".utf8), Array("z".utf8)])
    }

    @Test func byteByByteFeedingMatchesWholeFeeding() throws {
        let text =
            "\r\nPOST /h HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;a=b\r\nabc\r\n0\r\nT: 1\r\n\r\n"
            + "GET / HTTP/1.0\r\n\r\n"
        var whole = HTTPParser(kind: .request)
        let expected = try whole.parse(Array(text.utf8))
        var bytewise = HTTPParser(kind: .request)
        var events: [HTTPParser.Event] = []
        for byte in text.utf8 { events += try bytewise.parse([byte]) }
        #expect(events == expected)
        #expect(events.count == 4)
        #expect(bytewise.isAtMessageBoundary)
    }

    @Test func headEventPrecedesBody() throws {
        var parser = HTTPParser(kind: .request)
        let events = try parser.parse(Array("PUT /x HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nab".utf8))
        guard case .requestHead(let head)? = events.first else {
            Issue.record("expected a head event, got \(events)")
            return
        }
        #expect(head.method == "PUT")
        #expect(events.count == 1)
        #expect(try parser.parse(Array("cd".utf8)).count == 1)
    }

    @Test func http10RequestNeedsNoHost() throws {
        let request = try #require(try requests("GET / HTTP/1.0\r\n\r\n").first)
        #expect(request.version == .http10)
        #expect(!request.isKeepAlive)
    }

    @Test(arguments: [
        ("HTTP/1.1", "", true), ("HTTP/1.1", "close", false), ("HTTP/1.1", "Upgrade, Close", false),
        ("HTTP/1.0", "", false), ("HTTP/1.0", "keep-alive", true), ("HTTP/1.0", "Keep-Alive, TE", true),
    ])
    func keepAliveFollowsVersionAndConnection(_ version: String, _ connection: String, _ expected: Bool) throws {
        let field = connection.isEmpty ? "" : "Connection: \(connection)\r\n"
        let request = try #require(try requests("GET / \(version)\r\nHost: a\r\n\(field)\r\n").first)
        #expect(request.isKeepAlive == expected)
    }

    @Test func closeDelimitedResponseEndsAtFinish() throws {
        var parser = HTTPParser(kind: .response)
        let events = try parser.parse(Array("HTTP/1.0 200 OK\r\nServer: x\r\n\r\npartial ".utf8))
        #expect(events.count == 1)
        #expect(parser.isReadingUntilClose)
        _ = try parser.parse(Array("body".utf8))
        guard case .response(let response)? = try parser.finish() else {
            Issue.record("expected a response")
            return
        }
        #expect(response.body == Array("partial body".utf8))
    }

    @Test func headResponseAndNoContentHaveNoBody() throws {
        var parser = HTTPParser(kind: .response)
        parser.isExpectingBodylessResponse = true
        let head = try parser.parse(Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".utf8))
        #expect(head.count == 2)
        parser.isExpectingBodylessResponse = false
        let noContent = try parser.parse(Array("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n".utf8))
        #expect(noContent.count == 4)
        #expect(parser.isAtMessageBoundary)
    }

    @Test func statusLineWithoutReasonIsAccepted() throws {
        var parser = HTTPParser(kind: .response)
        let events = try parser.parse(Array("HTTP/1.1 201\r\nContent-Length: 0\r\n\r\n".utf8))
        guard case .response(let response)? = events.last else {
            Issue.record("expected a response")
            return
        }
        #expect(response.status == 201)
        #expect(response.reason.isEmpty)
    }

    @Test func serializedMessagesParseBackUnchanged() throws {
        let request = HTTPRequest(
            method: "POST", target: "/hooks?x=1",
            headers: [("Host", "a"), ("X-Dup", "1"), ("x-dup", "2"), ("Content-Length", "3")],
            body: [0, 255, 10])
        var requestParser = HTTPParser(kind: .request)
        #expect(try requestParser.parse(request.serialized()).last == .request(request))

        let response = HTTPResponse(
            status: 418, reason: "I'm a teapot", headers: [("Content-Length", "2")], body: [1, 2])
        var responseParser = HTTPParser(kind: .response)
        #expect(try responseParser.parse(response.serialized()).last == .response(response))
        #expect(HTTPResponse(status: 404).serializedHead() == Array("HTTP/1.1 404 Not Found\r\n\r\n".utf8))
    }

    @Test func absoluteAuthorityAndAsteriskTargetsAreAccepted() throws {
        let parsed = try requests(
            "GET http://a/b HTTP/1.1\r\nHost: a\r\n\r\nCONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\nOPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"
        )
        #expect(parsed.map(\.target) == ["http://a/b", "a:443", "*"])
    }
}
