import Foundation
import Testing

@testable import HookHTTP

/// The client's limits: a response inside its timeout is read, a slower one is a `timedOut` result (not a
/// hang); a response head or body past the client's `HTTPLimits` is a `malformedResponse` naming the limit.
@Suite("HTTP client limits")
struct HTTPClientLimitTests {
    static func url(_ server: HTTPServer) throws -> HTTPURL {
        try HTTPURL(server.address + "/")
    }

    static let request = HTTPRequest(method: "GET", target: "/", headers: [("Connection", "close")])

    @Test func responseInsideTheTimeoutIsReadSlowerTimesOut() async throws {
        let handler: HTTPServer.Handler = { request in
            // Far past the 1.5 s timeout, so even a machine stalled for seconds cannot let it arrive first.
            if request.headers["X-Delay"] == "long" { try await Task.sleep(for: .seconds(30)) }
            return HTTPResponse(status: 200, headers: [("Content-Length", "2")], body: Array("ok".utf8))
        }
        try await withServer(handler: handler) { server in
            let client = HTTPClient(configuration: .init(responseTimeout: .milliseconds(1500)))
            let quick = try await client.send(Self.request, to: Self.url(server))
            #expect(quick.body == Array("ok".utf8))
            var slow = Self.request
            slow.headers.add(name: "X-Delay", value: "long")
            let url = try Self.url(server)
            await #expect(throws: HTTPClientError.timedOut(phase: .response, endpoint: "127.0.0.1:\(server.port)")) {
                _ = try await client.send(slow, to: url)
            }
        }
    }

    @Test func responseBodyAtTheClientLimitIsReadOnePastIsRejected() async throws {
        let handler: HTTPServer.Handler = { request in
            let size = Int(request.target.dropFirst()) ?? 0
            return HTTPResponse(
                status: 200, headers: [("Content-Length", "\(size)")], body: [UInt8](repeating: 0x61, count: size))
        }
        try await withServer(handler: handler) { server in
            let client = HTTPClient(configuration: .init(limits: HTTPLimits(maxBodyBytes: 1000)))
            let atLimit = try HTTPURL(server.address + "/1000")
            let response = try await client.send(
                HTTPRequest(method: "GET", target: "/1000", headers: [("Connection", "close")]), to: atLimit)
            #expect(response.body.count == 1000)
            let past = try HTTPURL(server.address + "/1001")
            do {
                _ = try await client.send(
                    HTTPRequest(method: "GET", target: "/1001", headers: [("Connection", "close")]), to: past)
                Issue.record("a 1001-byte body was accepted with a 1000-byte limit")
            } catch let error as HTTPClientError {
                guard error.code == .malformedResponse, let reason = error.reason else {
                    Issue.record("unexpected error \(error)")
                    return
                }
                #expect(reason.contains("1000"), "\(reason)")
            }
        }
    }
}
