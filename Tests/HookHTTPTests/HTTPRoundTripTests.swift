import Foundation
import HookTestSupport
import Synchronization
import Testing

@testable import HookHTTP

private let echo: HTTPServer.Handler = { request in
    var headers = HTTPHeaders()
    for field in request.headers { headers.add(name: "X-Echo-" + field.name, value: field.value) }
    headers.add(name: "X-Remote", value: request.remoteAddress ?? "")
    headers.add(name: "X-Target", value: "\(request.method) \(request.target)")
    return HTTPResponse(status: 200, headers: headers, body: request.body)
}

@Suite struct HTTPRoundTripTests {
    @Test func postRoundTripKeepsHeaderOrderDuplicatesAndBytes() async throws {
        try await withServer(handler: echo) { server in
            let client = HTTPClient()
            let url = try HTTPURL(server.address + "/hooks?x=1")
            let body: [UInt8] = Array("{\"a\":1}".utf8) + [0, 0xFF, 0x0A]
            let request = HTTPRequest(
                method: "POST", target: url.target,
                headers: [("X-B", "1"), ("x-b", "2"), ("Content-Type", "application/json")],
                body: body)
            let response = try await client.send(request, to: url)
            #expect(response.status == 200)
            #expect(response.body == body)
            #expect(response.headers["X-Target"] == "POST /hooks?x=1")
            let echoed = response.headers.fields.filter { $0.name.hasPrefix("X-Echo-") }.map(\.name)
            #expect(
                echoed == ["X-Echo-X-B", "X-Echo-x-b", "X-Echo-Content-Type", "X-Echo-Host", "X-Echo-Content-Length"])
            #expect(response.headers["X-Echo-Host"] == "127.0.0.1:\(server.port)")
            #expect(response.headers["X-Remote"]?.hasPrefix("127.0.0.1:") == true)
            #expect(response.headers.contains("Date"))
        }
    }

    @Test func clientCanBeToldNotToAddHeaders() async throws {
        try await withServer(handler: echo) { server in
            let client = HTTPClient(configuration: .init(addsMissingHeaders: false))
            let url = try HTTPURL(server.address + "/")
            let request = HTTPRequest(method: "GET", target: "/", version: .http10)
            let response = try await client.send(request, to: url)
            #expect(!response.headers.contains("X-Echo-Host"))
            #expect(!response.headers.contains("X-Echo-Content-Length"))
        }
    }

    @Test func keepAliveConnectionIsReused() async throws {
        try await withServer(handler: echo) { server in
            let client = HTTPClient()
            let url = try HTTPURL(server.address + "/")
            var remotes: Set<String> = []
            for _ in 0..<5 {
                let response = try await client.send(HTTPRequest(method: "GET", target: "/"), to: url)
                remotes.insert(response.headers["X-Remote"] ?? "")
            }
            #expect(remotes.count == 1)
            #expect(client.idleConnectionCount == 1)
        }
    }

    @Test func reusedConnectionClosedByServerIsReplaced() async throws {
        let configuration = HTTPServer.Configuration(idleTimeout: .milliseconds(100))
        try await withServer(configuration, handler: echo) { server in
            let client = HTTPClient()
            let url = try HTTPURL(server.address + "/")
            _ = try await client.send(HTTPRequest(method: "GET", target: "/"), to: url)
            try await Task.sleep(for: .milliseconds(400))
            let response = try await client.send(HTTPRequest(method: "POST", target: "/", body: [1]), to: url)
            #expect(response.body == [1])
        }
    }

    @Test func handlerThatThrowsGets500AndServerKeepsServing() async throws {
        struct Boom: Error {}
        let handler: HTTPServer.Handler = { request in
            if request.target == "/boom" { throw Boom() }
            return HTTPResponse(status: 204)
        }
        try await withServer(handler: handler) { server in
            let client = HTTPClient()
            let boom = try await client.send(
                HTTPRequest(method: "GET", target: "/boom"), to: HTTPURL(server.address + "/boom"))
            #expect(boom.status == 500)
            let fine = try await client.send(HTTPRequest(method: "GET", target: "/"), to: HTTPURL(server.address + "/"))
            #expect(fine.status == 204)
        }
    }

    @Test func serverAddsFramingHeadersOnlyWhenAbsent() async throws {
        let handler: HTTPServer.Handler = { _ in
            HTTPResponse(status: 200, headers: [("Date", "yesterday"), ("Connection", "close")], body: [65])
        }
        try await withServer(handler: handler) { server in
            let raw = try await RawPeer(host: "127.0.0.1", port: server.port).exchange([
                Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
            ])
            #expect(raw.text == "HTTP/1.1 200 OK\r\nDate: yesterday\r\nConnection: close\r\nContent-Length: 1\r\n\r\nA")
        }
    }

    @Test func headResponseCarriesLengthButNoBody() async throws {
        let handler: HTTPServer.Handler = { _ in HTTPResponse(status: 200, body: Array("hello".utf8)) }
        try await withServer(handler: handler) { server in
            let client = HTTPClient()
            let response = try await client.send(
                HTTPRequest(method: "HEAD", target: "/"), to: HTTPURL(server.address + "/"))
            #expect(response.headers["Content-Length"] == "5")
            #expect(response.body.isEmpty)
            let again = try await client.send(
                HTTPRequest(method: "GET", target: "/"), to: HTTPURL(server.address + "/"))
            #expect(again.body == Array("hello".utf8))
        }
    }

    @Test func ipv6LoopbackWorks() async throws {
        try await withServer(HTTPServer.Configuration(host: "::1"), handler: echo) { server in
            #expect(server.address.hasPrefix("http://[::1]:"))
            let response = try await HTTPClient().send(
                HTTPRequest(method: "GET", target: "/v6"), to: HTTPURL(server.address + "/v6"))
            #expect(response.headers["X-Remote"]?.hasPrefix("[::1]:") == true)
            #expect(response.headers["X-Echo-Host"] == "[::1]:\(server.port)")
        }
    }

    @Test func largeBodyRoundTrips() async throws {
        try await withServer(handler: echo) { server in
            let body = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let response = try await HTTPClient().send(
                HTTPRequest(method: "PUT", target: "/big", body: body), to: HTTPURL(server.address + "/big"))
            #expect(response.body == body)
        }
    }

    @Test func concurrentRequestsAreAllAnswered() async throws {
        try await withServer(handler: echo) { server in
            let client = HTTPClient()
            let url = try HTTPURL(server.address + "/")
            try await withThrowingTaskGroup(of: [UInt8].self) { group in
                for index in 0..<64 {
                    group.addTask {
                        try await client.send(
                            HTTPRequest(method: "POST", target: "/", body: Array("\(index)".utf8)), to: url
                        ).body
                    }
                }
                var bodies: Set<String> = []
                for try await body in group { bodies.insert(body.text) }
                #expect(bodies == Set((0..<64).map { "\($0)" }))
            }
        }
    }
}
