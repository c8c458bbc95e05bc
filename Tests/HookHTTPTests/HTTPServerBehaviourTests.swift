import Foundation
import HookTestSupport
import Synchronization
import Testing

@testable import HookHTTP

private let noContent: HTTPServer.Handler = { _ in HTTPResponse(status: 204) }
private let echoTarget: HTTPServer.Handler = { request in
    HTTPResponse(status: 200, body: Array("\(request.target) \(request.body.text)".utf8))
}

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The status codes of every response in `raw`, in order.
private func statuses(_ raw: [UInt8]) throws -> [Int] {
    var parser = HTTPParser(kind: .response)
    return try parser.parse(raw).compactMap {
        if case .response(let response) = $0 { return response.status.code }
        return nil
    }
}

@Suite struct HTTPServerBehaviourTests {
    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer(handler: echoTarget) { server in
            let raw = try await RawPeer(host: "127.0.0.1", port: server.port).exchange([
                bytes(
                    "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi"
                        + "POST /3 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nyo\r\n0\r\n\r\n"
                        + "GET /4 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            ])
            var parser = HTTPParser(kind: .response)
            let bodies = try parser.parse(raw).compactMap { event -> String? in
                if case .response(let response) = event { return response.body.text }
                return nil
            }
            #expect(bodies == ["/1 ", "/2 hi", "/3 yo", "/4 "])
        }
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("GET /\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: \u{1}\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 999999999\r\n\r\n", 413),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "b", count: 70_000) + "\r\n\r\n", 431),
        ("GET / HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\n\r\n", 417),
    ])
    func badRequestGetsErrorWithCloseAndServerKeepsServing(_ request: String, _ status: Int) async throws {
        try await withServer(handler: noContent) { server in
            let peer = RawPeer(host: "127.0.0.1", port: server.port)
            let raw = try await peer.exchange([bytes(request)])
            var parser = HTTPParser(kind: .response)
            guard case .response(let response)? = try parser.parse(raw).last else {
                Issue.record("no response in \(raw.text.debugDescription)")
                return
            }
            #expect(response.status.code == status)
            #expect(response.headers["Connection"] == "close")
            let after = try await HTTPClient().send(
                HTTPRequest(method: "GET", target: "/"), to: HTTPURL(server.address))
            #expect(after.status == 204)
        }
    }

    @Test func slowlorisGets408WithinHeaderTimeout() async throws {
        let configuration = HTTPServer.Configuration(headerReadTimeout: .milliseconds(300))
        try await withServer(configuration, handler: noContent) { server in
            let chunks = ["GET / HTTP/1.1\r\n", "Host: a\r\n", "X-A: 1\r\n", "X-B: 2\r\n", "X-C: 3\r\n"].map(bytes)
            let raw = try await RawPeer(host: "127.0.0.1", port: server.port).exchange(
                chunks, pause: .milliseconds(150))
            #expect(try statuses(raw) == [408])
        }
    }

    @Test func slowBodyGets408WithinBodyTimeout() async throws {
        let configuration = HTTPServer.Configuration(bodyReadTimeout: .milliseconds(200))
        try await withServer(configuration, handler: noContent) { server in
            let raw = try await RawPeer(host: "127.0.0.1", port: server.port).exchange([
                bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
            ])
            #expect(try statuses(raw) == [408])
        }
    }

    @Test func idleKeepAliveConnectionIsClosedSilently() async throws {
        let configuration = HTTPServer.Configuration(idleTimeout: .milliseconds(200))
        try await withServer(configuration, handler: noContent) { server in
            let raw = try await RawPeer(host: "127.0.0.1", port: server.port).exchange([
                bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            ])
            #expect(try statuses(raw) == [204])
            #expect(server.connectionCount == 0)
        }
    }

    @Test func clientDisconnectingMidBodyDoesNotReachHandler() async throws {
        let calls = Mutex(0)
        let handler: HTTPServer.Handler = { _ in
            calls.withLock { $0 += 1 }
            return HTTPResponse(status: 204)
        }
        try await withServer(handler: handler) { server in
            _ = try await RawPeer(host: "127.0.0.1", port: server.port).exchange(
                [bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly ten b")], closeAfterSend: true)
            try await Task.sleep(for: .milliseconds(100))
            #expect(calls.withLock { $0 } == 0)
            let after = try await HTTPClient().send(
                HTTPRequest(method: "GET", target: "/"), to: HTTPURL(server.address))
            #expect(after.status == 204)
            #expect(calls.withLock { $0 } == 1)
        }
    }

    @Test func connectionsPastTheBoundGet503() async throws {
        let configuration = HTTPServer.Configuration(maxConnections: 2, idleTimeout: .seconds(5))
        try await withServer(configuration, handler: noContent) { server in
            let peer = RawPeer(host: "127.0.0.1", port: server.port)
            async let first = peer.exchange([], timeout: .milliseconds(800))
            async let second = peer.exchange([], timeout: .milliseconds(800))
            try await Task.sleep(for: .milliseconds(200))
            let third = try await peer.exchange([bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n")], timeout: .seconds(2))
            #expect(try statuses(third) == [503])
            _ = try await (first, second)
        }
    }

    @Test func gracefulShutdownFinishesInFlightRequestAndRefusesNewOnes() async throws {
        // The handler holds the request until shutdown has begun, however slow the machine.
        let shuttingDown = Mutex(false)
        let (entered, enter) = AsyncStream.makeStream(of: Void.self)
        let handler: HTTPServer.Handler = { _ in
            enter.yield()
            while !shuttingDown.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
            try await Task.sleep(for: .milliseconds(200))
            return HTTPResponse(status: 200, body: Array("done".utf8))
        }
        let server = HTTPServer(configuration: .init(), handler: handler)
        try await server.start()
        let url = try HTTPURL(server.address + "/")
        async let inFlight = HTTPClient().send(HTTPRequest(method: "GET", target: "/"), to: url)
        for await _ in entered { break }
        shuttingDown.withLock { $0 = true }
        await server.shutdown(gracePeriod: .seconds(5))
        let response = try await inFlight
        #expect(response.body.text == "done")
        #expect(response.headers["Connection"] == "close")
        await #expect(throws: HTTPClientError.connectionRefused(endpoint: url.endpoint)) {
            _ = try await HTTPClient().send(HTTPRequest(method: "GET", target: "/"), to: url)
        }
        #expect(server.connectionCount == 0)
    }

    @Test func startTwiceAndBusyPortAreReported() async throws {
        try await withServer(handler: noContent) { server in
            await #expect(throws: HTTPServerError.alreadyStarted) { try await server.start() }
            let clash = HTTPServer(configuration: .init(port: server.port), handler: noContent)
            let error = await #expect(throws: HTTPServerError.self) { try await clash.start() }
            #expect(error?.description.contains("cannot listen on 127.0.0.1:\(server.port)") == true)
        }
    }

    @Test func handlerFinishesBeforeFirstResponseByte() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("hookhttp-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: marker) }
        let handler: HTTPServer.Handler = { request in
            try await Task.sleep(for: .milliseconds(50))
            try Data(request.body).write(to: marker)
            return HTTPResponse(status: 202)
        }
        try await withServer(handler: handler) { server in
            let response = try await HTTPClient().send(
                HTTPRequest(method: "POST", target: "/", body: Array("captured".utf8)), to: HTTPURL(server.address))
            #expect(response.status == 202)
            #expect(try String(contentsOf: marker, encoding: .utf8) == "captured")
        }
    }
}
