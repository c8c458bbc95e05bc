import Foundation
import HookTestSupport
import Synchronization
import Testing

@testable import HookHTTP

/// The event-loop design: loops are shared by many connections, so a suspended handler must leave its
/// loop serving the others, responses must stay in request order whether a handler completes inline or
/// later, and shutdown must find connections on every loop.
@Suite struct HTTPServerEventLoopTests {
    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The bodies of every response in `raw`, in order.
    private static func bodies(_ raw: [UInt8]) throws -> [String] {
        var parser = HTTPParser(kind: .response)
        return try parser.parse(raw).compactMap { event in
            if case .response(let response) = event { return response.body.text }
            return nil
        }
    }

    @Test func suspendedHandlerDoesNotStallTheOtherConnectionsOfItsLoop() async throws {
        // One loop serves both connections. The slow handler suspends until the fast one has run, so it
        // only finishes in time if the loop kept serving while it was suspended.
        let isSlowEntered = Mutex(false)
        let isFastDone = Mutex(false)
        let handler: HTTPServer.Handler = { request in
            guard request.target == "/slow" else {
                isFastDone.withLock { $0 = true }
                return HTTPResponse(status: 200, body: Self.bytes("fast"))
            }
            isSlowEntered.withLock { $0 = true }
            for _ in 0..<1000 where !isFastDone.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
            return HTTPResponse(status: 200, body: Self.bytes(isFastDone.withLock { $0 } ? "after fast" : "stalled"))
        }
        try await withServer(.init(headerReadTimeout: .seconds(300), eventLoopCount: 1), handler: handler) { server in
            let peer = RawPeer(host: "127.0.0.1", port: server.port)
            async let slow = peer.exchange(
                [Self.bytes("GET /slow HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")], timeout: .seconds(30))
            try await waitUntil { isSlowEntered.withLock { $0 } }
            let fast = try await peer.exchange(
                [Self.bytes("GET /fast HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")], timeout: .seconds(30))
            #expect(try Self.bodies(fast) == ["fast"])
            #expect(try Self.bodies(try await slow) == ["after fast"])
        }
    }

    @Test func manyConnectionsOnFewLoopsAreServedInOrder() async throws {
        // Odd-numbered requests suspend, even ones complete inline: pipelined answers keep request order.
        let handler: HTTPServer.Handler = { request in
            if let number = Int(request.target.dropFirst().split(separator: "/").last ?? ""), number % 2 == 1 {
                try await Task.sleep(for: .milliseconds(2))
            }
            return HTTPResponse(status: 200, body: Self.bytes(request.target))
        }
        try await withServer(.init(headerReadTimeout: .seconds(300), eventLoopCount: 2), handler: handler) { server in
            let peer = RawPeer(host: "127.0.0.1", port: server.port)
            let connections = 24
            let answers = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
                for connection in 0..<connections {
                    group.addTask {
                        let requests = (0..<4).map { number in
                            let close = number == 3 ? "Connection: close\r\n" : ""
                            return "GET /\(connection)/\(number) HTTP/1.1\r\nHost: a\r\n\(close)\r\n"
                        }
                        let raw = try await peer.exchange([Self.bytes(requests.joined())], timeout: .seconds(30))
                        return (connection, try Self.bodies(raw))
                    }
                }
                var answers: [Int: [String]] = [:]
                for try await (connection, bodies) in group { answers[connection] = bodies }
                return answers
            }
            for connection in 0..<connections {
                #expect(answers[connection] == (0..<4).map { "/\(connection)/\($0)" })
            }
            try await waitUntil({ server.connectionCount == 0 }, state: { "connections: \(server.connectionCount)" })
        }
    }

    @Test func shutdownClosesIdleAndFinishesBusyConnectionsOnEveryLoop() async throws {
        let isStopping = Mutex(false)
        let entered = Mutex(0)
        let handler: HTTPServer.Handler = { _ in
            entered.withLock { $0 += 1 }
            while !isStopping.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
            return HTTPResponse(status: 200, body: Self.bytes("done"))
        }
        // Long read timeouts: on a loaded machine the steps below can take longer than the 10 s default, and
        // an idle connection closed by its header timeout would be miscounted as closed by the shutdown.
        let configuration = HTTPServer.Configuration(
            headerReadTimeout: .seconds(300), idleTimeout: .seconds(300), eventLoopCount: 3)
        let server = HTTPServer(configuration: configuration, handler: handler)
        try await server.start()
        let port = server.port
        // Six idle connections and three busy ones, handed to the three loops in turn.
        let idle = try await onIOThread { () throws(SocketError) -> [Socket] in
            try (0..<6).map { _ throws(SocketError) in
                try Socket.connect(to: Socket.resolve(host: "127.0.0.1", port: port), deadline: .after(.seconds(2)))
            }
        }
        defer { for socket in idle { socket.close() } }
        let peer = RawPeer(host: "127.0.0.1", port: port)
        let busy = (0..<3).map { _ in
            Task { try await peer.exchange([Self.bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n")], timeout: .seconds(30)) }
        }
        try await waitUntil(
            { entered.withLock { $0 } == 3 && server.connectionCount == 9 },
            state: { "entered: \(entered.withLock { $0 }), connections: \(server.connectionCount)" })
        let shutdown = Task { await server.shutdown(gracePeriod: .seconds(20)) }
        // The idle connections end at once, while the busy ones are still in their handlers.
        let (ends, took) = try await onIOThread { () throws(SocketError) -> ([[UInt8]], Duration) in
            let started = ContinuousClock.now
            let ends = idle.map { $0.readToEnd(until: .after(.seconds(20))) }
            return (ends, ContinuousClock.now - started)
        }
        #expect(ends.allSatisfy { $0.isEmpty })
        #expect(took < .seconds(15))
        try await waitUntil({ server.connectionCount == 3 }, state: { "connections: \(server.connectionCount)" })
        isStopping.withLock { $0 = true }
        for task in busy {
            let raw = try await task.value
            #expect(try Self.bodies(raw) == ["done"])
            #expect(raw.text.contains("Connection: close"))
        }
        await shutdown.value
        #expect(server.connectionCount == 0)
        let late = RawPeer.connect(port: port)
        if late >= 0 { close(late) }
        #expect(late == -1)
    }
}
