import Foundation
import HookTestSupport
import Testing

@testable import HookHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite(.serialized) struct HTTPClientPeerTests {
    private func withPeer(_ body: (PythonPeer) async throws -> Void) async throws {
        guard let peer = try await PythonPeer.start() else {
            print("skipping: python3 is not installed, so the Python http.server peer cannot run")
            return
        }
        defer { peer.stop() }
        try await body(peer)
    }

    @Test func echoKeepsHeadersAndBodyAndReusesConnection() async throws {
        try await withPeer { peer in
            let client = HTTPClient()
            let url = try peer.url("/echo")
            let request = HTTPRequest(
                method: "POST", target: url.target,
                headers: [("X-Custom", "a b"), ("Content-Type", "application/json")],
                body: Array("{\"x\":1}".utf8))
            let first = try await client.send(request, to: url)
            #expect(first.status == 200)
            #expect(first.body == request.body)
            #expect(first.headers["X-Echo-X-Custom"] == "a b")
            #expect(!first.headers.contains("X-Echo-User-Agent"))
            #expect(!first.headers.contains("X-Echo-Accept-Encoding"))
            _ = try await client.send(request, to: url)
            #expect(client.idleConnectionCount == 1)
        }
    }

    @Test func chunkedResponseWithTrailerIsDecoded() async throws {
        try await withPeer { peer in
            let response = try await HTTPClient().send(
                HTTPRequest(method: "GET", target: "/chunked"), to: peer.url("/chunked"))
            #expect(response.body.text == "hello world")
            #expect(response.trailers["X-Done"] == "yes")
        }
    }

    @Test func closeDelimitedResponseIsReadToTheEnd() async throws {
        try await withPeer { peer in
            let client = HTTPClient()
            let response = try await client.send(
                HTTPRequest(method: "GET", target: "/until-close"), to: peer.url("/until-close"))
            #expect(response.body.text == "body until close")
            #expect(client.idleConnectionCount == 0)
        }
    }

    @Test func redirectIsReturnedNotFollowed() async throws {
        try await withPeer { peer in
            let response = try await HTTPClient().send(
                HTTPRequest(method: "GET", target: "/redirect"), to: peer.url("/redirect"))
            #expect(response.status == 302)
            #expect(response.headers["Location"] == "/elsewhere")
        }
    }

    @Test func serverClosingWithoutResponseIsReported() async throws {
        try await withPeer { peer in
            let url = try peer.url("/close")
            await #expect(throws: HTTPClientError.closedWithoutResponse(endpoint: url.endpoint)) {
                _ = try await HTTPClient().send(HTTPRequest(method: "GET", target: "/close"), to: url)
            }
        }
    }

    @Test func serverResettingIsReported() async throws {
        try await withPeer { peer in
            let url = try peer.url("/reset")
            let error = await #expect(throws: HTTPClientError.self) {
                _ = try await HTTPClient().send(HTTPRequest(method: "GET", target: "/reset"), to: url)
            }
            #expect(
                error == .connectionReset(endpoint: url.endpoint)
                    || error == .closedWithoutResponse(endpoint: url.endpoint))
        }
    }

    @Test func slowServerTimesOutThenAnswersWithinLongerTimeout() async throws {
        try await withPeer { peer in
            let url = try peer.url("/slow")
            let client = HTTPClient()
            await #expect(throws: HTTPClientError.timedOut(phase: .response, endpoint: url.endpoint)) {
                _ = try await client.send(
                    HTTPRequest(method: "GET", target: "/slow"), to: url, timeout: .milliseconds(300))
            }
            let response = try await client.send(
                HTTPRequest(method: "GET", target: "/slow"), to: url, timeout: .seconds(10))
            #expect(response.status == 200)
        }
    }

    @Test func garbageResponseIsMalformed() async throws {
        try await withPeer { peer in
            let url = try peer.url("/garbage")
            let error = await #expect(throws: HTTPClientError.self) {
                _ = try await HTTPClient().send(HTTPRequest(method: "GET", target: "/garbage"), to: url)
            }
            #expect(
                error
                    == .malformedResponse(
                        endpoint: url.endpoint, reason: "invalid HTTP version 'HELLO', expected 'HTTP/1.1'"))
            #expect(error?.description.contains("127.0.0.1:\(peer.port)") == true)
        }
    }
}

@Suite struct HTTPClientErrorTests {
    @Test func refusedConnectionIsReported() async throws {
        // A port that is bound but not listening refuses connections, and stays ours for the whole test: a
        // server started and shut down would free its port for another test's server to take.
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        try #require(bound)
        let url = try HTTPURL("http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/")
        await #expect(throws: HTTPClientError.connectionRefused(endpoint: url.endpoint)) {
            _ = try await HTTPClient().send(HTTPRequest(method: "GET", target: "/"), to: url)
        }
    }

    @Test func unresolvableHostIsReported() async throws {
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await HTTPClient().send(
                HTTPRequest(method: "GET", target: "/"), to: HTTPURL("http://no-such-host.invalid/"))
        }
        guard let error, error.code == .unresolvableHost else {
            Issue.record("expected unresolvableHost, got \(String(describing: error))")
            return
        }
        #expect(error.endpoint == "no-such-host.invalid")
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/hooks?x=1", "http", "127.0.0.1", 8080, "/hooks?x=1", "127.0.0.1:8080"),
        ("HTTP://Example.com", "http", "Example.com", 80, "/", "Example.com"),
        ("https://example.com/a#frag", "https", "example.com", 443, "/a", "example.com"),
        ("http://[::1]:9/x", "http", "::1", 9, "/x", "[::1]:9"),
        ("http://user@host:81?q", "http", "host", 81, "/?q", "host:81"),
    ])
    func urlIsParsed(
        _ text: String, _ scheme: String, _ host: String, _ port: Int, _ target: String, _ hostHeader: String
    ) throws {
        let url = try HTTPURL(text)
        #expect(url.scheme == scheme)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.target == target)
        #expect(url.hostHeader == hostHeader)
    }

    @Test(arguments: [
        "ftp://a/", "127.0.0.1:80/", "http:///x", "http://a:0/", "http://a:99999/", "http://[::1/", "http://a/b c",
    ])
    func invalidURLIsRejected(_ text: String) {
        #expect(throws: HTTPClientError.self) { try HTTPURL(text) }
    }
}
